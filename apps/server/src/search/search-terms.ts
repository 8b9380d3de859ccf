/** Runs of letters and digits: the units the search index and the snippets agree on. */
export const TOKEN = /[\p{L}\p{N}]+/gu;

// Words too common to tell notes apart; a query made only of them finds nothing rather than everything.
const STOP_WORDS = new Set(
  (
    'a au aux avec c ce ces cet cette d dans de des du elle en est et il ils je l la le les leur lui ' +
    'm mais me meme n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sont sur ' +
    't ta te tes ton tu un une vos votre vous y ' +
    'an and are as at be by for from in is it of on or that the this to was with'
  ).split(' '),
);

/** A word as the index keeps it: lower-case, without accents or ligatures, so "Économie" finds "economie". */
export function normaliseTerm(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** The index term for a word, or null for a stop word. */
export function indexTerm(word: string): string | null {
  const term = normaliseTerm(word);
  return STOP_WORDS.has(term) ? null : term;
}
