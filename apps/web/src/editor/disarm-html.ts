// A start tag, its quoted attribute values skipped whole so that a ">" inside one does not end it.
const START_TAG = /<([a-zA-Z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\t\n\f\r />"'=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]+))?/g;
const STYLE_END_TAG = /<\/style(?=[\t\n\f\r />])/gi;

/** Prefix of the attributes `disarmHtml` renames: `style` is still readable as `data-plume-style`. */
export const DISARMED_PREFIX = 'data-plume-';

/**
 * Renames, in HTML text about to be parsed, what the page's Content-Security-Policy would report
 * even in an inert document: `style` and `on…` attributes (to `data-plume-style`, `data-plume-on…`)
 * and `<style>` elements (to `<plume-style>`). Nothing here is what keeps a paste harmless: the
 * parsed document runs nothing, and the cleaning drops all of these anyway. It keeps the report
 * free of a violation per pasted attribute, which would hide a real one.
 */
export function disarmHtml(html: string): string {
  return html
    .replace(START_TAG, (_tag, name: string, attributes: string) => {
      const tagName = name.toLowerCase() === 'style' ? 'plume-style' : name;
      return `<${tagName}${attributes.replace(ATTRIBUTE, renameActiveAttribute)}>`;
    })
    .replace(STYLE_END_TAG, '</plume-style');
}

function renameActiveAttribute(attribute: string, name: string): string {
  return /^(style|on.+)$/i.test(name) ? `${DISARMED_PREFIX}${attribute}` : attribute;
}
