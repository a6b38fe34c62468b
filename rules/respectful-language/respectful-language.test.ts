import { describe, expect, it } from 'vitest';
import rule, { serviceNouns } from './index.js';
import list from './respectful.json' with { type: 'json' };
import { validateLexicon } from '../../src/lexicon.js';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';

const teamList = new URL('../../fixtures/respectful-language/team-list.json', import.meta.url).pathname;

/** The expected report for `phrase` (its nth occurrence) in `code`: line, column, endLine, endColumn. */
function at(code: string, phrase: string, nth = 1, extra: Record<string, string> = {}) {
  let index = -1;
  for (let i = 0; i < nth; i++) index = code.indexOf(phrase, index + 1);
  if (index < 0) throw new Error(`"${phrase}" is not in the test note`);
  const point = (offset: number) => {
    const before = code.slice(0, offset).split(/\r?\n/);
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const a = point(index);
  const b = point(index + phrase.length);
  return { messageId: 'label', line: a.line, column: a.column, endLine: b.line, endColumn: b.column, text: phrase, ...extra };
}
const one = (code: string, phrase: string, extra: Record<string, string> = {}) => ({ code, errors: [at(code, phrase, 1, extra)] });

describe('respectful.json', () => {
  it('is a valid word list', () => {
    expect(() => validateLexicon(list, 'respectful.json')).not.toThrow();
  });
  it('every entry says why and where from', () => {
    for (const entry of list.entries) {
      expect(entry.note.length, entry.id).toBeGreaterThan(20);
      expect(entry.source, entry.id).toMatch(/^https?:\/\/|Coventry|Dudley|\[brief\]/);
    }
  });
  it('has no phrase that is itself a service word', () => {
    for (const entry of list.entries) for (const phrase of entry.match) expect(serviceNouns.has(phrase.toLowerCase()), phrase).toBe(false);
  });
});

ruleTester(rule, {
  valid: [
    // Clinical words and the names of services are what a case note should say.
    'Jordan has a diagnosis of ADHD and takes his medication at breakfast.',
    'Ms Ellison has talked to her GP about her mental health.',
    'Maya is disabled and uses a wheelchair at school.',
    'Mr Cole was referred to the addiction service on 3 March.',
    'Mr Reid goes to Alcoholics Anonymous on Tuesdays.',
    'I spoke to the disabled children\'s team about a short break.',
    'Jordan\'s worker from the Young Offender Team came to the meeting.',
    'Mum has schizophrenia and sees her care coordinator every two weeks.',
    'Mum described a schizophrenic episode in 2023.',
    'Amir has special educational needs and an education, health and care plan.',
    'Zain is autistic, and he told me he likes the quiet room.',
    'Ms Marsh consented to the referral to the family hub.',
    'Leo was not brought to his dental appointment on 4 June.',
    'Ms Hartley did not attend the dental appointment with Leo.',
    'Mum did not attend 3 out of 5 sessions of the parenting course.',
    'This is the second session Mum has missed, and she did not attend the health visitor appointment on 4 November either.',
    'Tia suffered from neglect before she came to live with Mrs Kerr.',
    'Ruby told me she suffered from bullying at her last school.',
    'Mr Haddad uses a wheelchair since his accident.',
    'Theo is a deaf child who uses British Sign Language.',
    // Someone's own words, quoted, stay as they were said.
    'Mum said, "I was an addict for ten years, but I have been clean since Theo was born."',
    '> "My mum says I come from a broken home."\n\nMaya told me this at school.',
    'Ruby is 15 and told the school nurse she is sexually active with her boyfriend, who is 15.',
    { name: 'sixteen, the age of consent', code: 'Kacey (16) told the school nurse she is sexually active.' },
    {
      name: 'a child of 14 or 15 with someone of a similar age',
      code: '---\nchild: Kacey Lomax\nage: 14\n---\n\nKacey told the school nurse she is sexually active with her boyfriend, who is 15.',
    },
    // What someone calls themselves is theirs to use.
    'Dad described himself as an alcoholic who has been sober for two years.',
    'Mum calls herself a recovering addict and goes to a meeting twice a week.',
    'Mr Cole identifies as an addict in recovery.',
    'Ms Reid sees herself as a former heroin addict.',
    // Someone the note gives as 18 or over is an adult.
    { name: 'an older boyfriend of an 18-year-old', code: 'PA contact - Chloe Adams (18)\n\nStaff said Chloe\'s older boyfriend has been seen outside the building.' },
    { name: 'the front matter age', code: '---\nchild: Chloe Adams\nage: 19\n---\n\nShe told me her older boyfriend has moved in.' },
    // "Poor choices" is only reported of the child.
    { name: 'poor choices of a parent', code: '---\nchild: Kacey Lomax\n---\n\nMum said she made poor choices when she was younger.' },
    { name: 'the wrong crowd of a parent', code: '---\nchild: Kacey Lomax\n---\n\nMum said she got in with the wrong crowd as a teenager.' },
    { name: 'better choices of an adult', code: 'Chloe Adams (19) said she wants to make better choices about money.' },
    { name: 'an entry allowed by id', code: 'Mum suffers from depression.', options: { allow: ['suffers-from'] } },
    { name: 'a team entry allowed by id', code: 'Dad came with his baby mother.', options: { lexicons: [teamList], allow: ['baby-mother'] } },
  ],
  invalid: [
    one('Mum is an addict.', 'addict', { message: '"addict": \'Addict\' reduces a person to one thing about them' }),
    one('Dad is a heroin addict.', 'heroin addict'),
    one('Mr Foster is an alcoholic.', 'alcoholic'),
    one('Her father is schizophrenic.', 'schizophrenic', { message: 'person-first' }),
    one('The service is open to the disabled.', 'the disabled'),
    one('Nana is wheelchair-bound.', 'wheelchair-bound', { message: 'Try "wheelchair user" or "uses a wheelchair".' }),
    one('Nana is wheelchair bound.', 'wheelchair bound'),
    one('Grandad is confined to a wheelchair.', 'confined to a wheelchair'),
    one('Mum suffers from depression.', 'suffers from'),
    one('Jordan comes from a broken home.', 'broken home'),
    one('Mr Ahmed is an illegal immigrant.', 'illegal immigrant'),
    one('There are concerns that Ruby is being groomed and she is putting herself at risk by going off with them.', 'putting herself at risk', {
      message: 'A child cannot put themselves at risk',
    }),
    one('Ruby says going to parties is her lifestyle choice.', 'lifestyle choice'),
    one('The police described her as a child prostitute.', 'child prostitute'),
    one('Ruby has an older boyfriend who picks her up from school.', 'older boyfriend'),
    one('Ruby has been sexually active since the age of 12.', 'sexually active'),
    one('Ruby said she consented to sex with the man.', 'consented'),
    one('Kacey (14) is sexually active.', 'sexually active', { message: 'A child under 16 cannot consent to sex in law' }),
    {
      name: 'the child\'s age from earlier in the note',
      ...one('---\nchild: Kacey Lomax\n---\n\nReason for the meeting: Kacey (14) told a teacher about a man she met online.\n\nHealth: Kacey is sexually active and has been to the sexual health clinic twice.', 'sexually active'),
    },
    { name: 'the front matter age, and a pronoun', ...one('---\nchild: Kacey Lomax\nage: 14\n---\n\nShe is sexually active.', 'sexually active') },
    one('Ruby (15) is sexually active with a 24-year-old man.', 'sexually active'),
    { name: 'under 13, whoever the other child is', ...one('Ruby (12) is sexually active with a boy in her class, who is 12.', 'sexually active') },
    one('Ruby (17) has an older boyfriend who picks her up from school.', 'older boyfriend'),
    one('Mum described Dad as an alcoholic.', 'alcoholic'),
    {
      name: 'poor choices of the child',
      ...one('---\nchild: Kacey Lomax\n---\n\nKacey has been going missing. She is making poor choices.', 'poor choices', { message: "'poor choices' puts the blame on the child" }),
    },
    (() => {
      const code = '---\nchild: Kacey Lomax\n---\n\nKacey is putting herself at risk and is making poor choices.';
      return { name: 'two victim-blaming phrases about one child', code, errors: [at(code, 'putting herself at risk'), at(code, 'poor choices')] };
    })(),
    {
      name: 'better choices asked of the child',
      ...one('---\nchild: Jordan Price\n---\n\nI explained to Jordan that he needs to make better choices if he wants to go home.', 'better choices'),
    },
    {
      name: 'the wrong crowd, said of the child',
      ...one('---\nchild: Tia Morgan\n---\n\nTia has been going missing and is mixing with the wrong crowd.', 'wrong crowd', { message: "makes it the child's choice" }),
    },
    one('Leo did not attend his dental appointment.', 'did not attend', { message: 'Try "was not brought to".' }),
    { name: 'the child named in the front matter', ...one('---\nchild: Ruby Thornton\n---\n\nMum was late again. Ruby failed to attend the dental appointment.', 'failed to attend') },
    one('Mum was told that Marcus is a spastic.', 'spastic'),
    one('Ruby was described by a neighbour as a runaway.', 'runaway'),
    one('Ruby is involved in CSE.', 'involved in CSE'),
    { name: 'a safe fix keeps the capital', ...one('Able-bodied adults can help.', 'Able-bodied'), output: 'Non-disabled adults can help.' },
    (() => {
      const code = 'Dad is an alcoholic and Mum is an addict.';
      return { name: 'two in one sentence', code, errors: [at(code, 'alcoholic'), at(code, 'addict')] };
    })(),
    (() => {
      const code = '# Concerns about the older boyfriend\n\n- Mum is an alcoholic.';
      return { name: 'in a heading and a list', code, errors: [at(code, 'older boyfriend'), at(code, 'alcoholic')] };
    })(),
    { name: "a team's own list", ...one('Dad came with his baby mother.', 'baby mother', { message: 'use her name' }), options: { lexicons: [teamList] } },
    { name: 'Windows line endings', ...one('---\r\nchild: Leo\r\n---\r\n\r\nDad is an addict.\r\n', 'addict') },
  ],
});

describe('meta.examples (shown by --explain)', () => {
  it('the bad example is reported and the good one is not', () => {
    expect(lintWithRule(rule, rule.meta.examples!.bad).length).toBeGreaterThan(0);
    expect(lintWithRule(rule, rule.meta.examples!.good)).toEqual([]);
  });
});
