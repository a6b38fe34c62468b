// write-good and the three of its checks that plain-english runs as they are
// (write-good-checks.ts has the others, faster). They are CommonJS written for
// sloppy mode, loaded here from write-good's folder wherever npm put them. In
// the command's bundle this module is replaced by one that runs the same
// modules from the bundle (scripts/bundle-plugins.mjs, sloppyWriteGood), which
// reads these lines: keep each export `export const name = from('module') as Type;`.
import { createRequire } from 'node:module';
import type WriteGood from 'write-good';

type Check = (text: string) => Array<{ index: number; offset: number }>;

const require = createRequire(import.meta.url);
const fromWriteGood = createRequire(require.resolve('write-good'));

export const writeGood = require('write-good') as typeof WriteGood;
export const weaselWords = fromWriteGood('weasel-words') as Check;
export const adverbWhere = fromWriteGood('adverb-where') as Check;
export const ePrime = fromWriteGood('e-prime') as Check;
