import { randomBytes } from 'node:crypto';

/**
 * Makes a maker of version ids: the time in base 36, a sequence number within the same
 * millisecond and random letters, so that the ids one maker gives sort in the order it gave them.
 */
export function createVersionIds(): (at: Date) => string {
  let lastTime = -1;
  let sequence = 0;
  return (at) => {
    const time = at.getTime();
    sequence = time === lastTime ? sequence + 1 : 0;
    lastTime = time;
    const random = BigInt(`0x${randomBytes(4).toString('hex')}`).toString(36);
    return `${time.toString(36).padStart(10, '0')}${sequence.toString(36).padStart(4, '0')}${random.padStart(7, '0')}`;
  };
}
