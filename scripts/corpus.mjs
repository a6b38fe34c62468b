// A seeded generator of realistic, invented case notes for the benchmark and
// the scale tests. Same seed, same corpus: results can be compared run to run.
// Proportions follow fixtures/notes: most notes are ordinary prose with
// headings and lists; about one in six has a pasted email, one in three uses
// abbreviations, one in four carries labels or hearsay.

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const children = ['Maya', 'Leo', 'Aisha', 'Tomasz', 'Ruby', 'Kai', 'Amara', 'Finn', 'Zara', 'Oscar'];
const authors = ['Sam Patel', 'Jo Okonkwo', 'Priya Shah', 'Tom Reilly', 'Hannah Clarke'];
const types = ['home visit', 'school meeting', 'phone call', 'direct work', 'strategy discussion', 'family time'];

const good = [
  '{child} showed me their bedroom and said “I like my new duvet, it has stars on it.”',
  'I arrived at 10:05 and Ms Rahman, the class teacher, told me that {child} had been on time every day this week.',
  'In my professional opinion {child} is settled at home, because I saw {child} laughing with their grandmother and asking her for help with homework.',
  'We agreed that I will visit again on 24 November and that Ms Green will ring the school on Monday.',
  'Dr. Okafor told me by phone that {child} was seen at the surgery for approx. 20 minutes and no concerns about their weight were found.',
  'There were no signs of aggression during the visit and the family offered me a cup of tea.',
  '{child} told me: “I want to see Dad more often, but not at weekends when I have football.”',
  'I emailed the school on 3 March asking for attendance figures, and Mr Hughes replied that attendance was 96%.',
  'The kitchen had clean plates on the rack, food in the fridge and a rota for chores on the wall.',
  'I explained why I was taking notes and {child} chose to sit next to me so they could see what I wrote.',
];
const poor = [
  'Mum was aggressive and uncooperative throughout the visit.',
  'It was reported that Dad has been drinking again and the home is chaotic.',
  'Apparently {child} has been absconding from placement at weekends.',
  'The LAC review was held and the IRO agreed the care plan; CIN to continue.',
  'Mum failed to engage with the piece of work around the toxic trio.',
  'It is felt that {child} is presenting as withdrawn and attention-seeking.',
  'Concerns were raised about disguised compliance and the s47 will go to ICPC.',
  'The bedroom was disgusting and clearly the parents do not care.',
  'Family contact was cancelled as Dad DNA and respite has been requested from the EDT.',
  'There is a need for a multi-agency approach and it was agreed that CAMHS would be contacted.',
];
const email = [
  'From: Jo Bloggs <jo.bloggs@northvale.gov.uk>',
  'Sent: 03 March 2026 10:14',
  'To: Sam Patel <sam.patel@northvale.gov.uk>',
  'Subject: RE: {child} attendance',
  '',
  'Hi Sam,',
  '',
  'Just to let you know {child} was absent again today. Can we talk later?',
  '',
  'Kind regards',
  'Jo Bloggs',
  'Attendance Officer',
  'Tel: 01632 960 123',
  'This email and any files transmitted with it are confidential and intended solely for the use of the individual to whom they are addressed.',
];

const pick = (r, list) => list[Math.floor(r() * list.length)];

function paragraph(r, child, poorRate) {
  const n = 2 + Math.floor(r() * 4);
  const out = [];
  for (let i = 0; i < n; i++) out.push(pick(r, r() < poorRate ? poor : good).replaceAll('{child}', child));
  return out.join(' ');
}

/** One note of roughly `size` bytes. */
export function makeNote(r, size) {
  const child = pick(r, children);
  const day = 2 + Math.floor(r() * 20);
  const late = r() < 0.2 ? 5 : 1;
  const poorRate = r() < 0.4 ? 0.45 : 0.05;
  const parts = [
    '---',
    `child: ${child}`,
    `author: ${pick(r, authors)}, social worker`,
    `type: ${pick(r, types)}`,
    `event: 2026-11-${String(day).padStart(2, '0')}T10:00`,
    `recorded: 2026-11-${String(Math.min(day + late, 28)).padStart(2, '0')}T16:30`,
    `safeguarding: ${r() < 0.15}`,
    '---',
    '',
    '## Purpose of visit',
    '',
  ];
  while (parts.join('\n').length < size) {
    const roll = r();
    if (roll < 0.12) parts.push('## What I saw and heard', '');
    else if (roll < 0.22) parts.push(`- ${paragraph(r, child, poorRate)}`, `- ${pick(r, good).replaceAll('{child}', child)}`, '');
    else if (roll < 0.27) parts.push(`> ${pick(r, good).replaceAll('{child}', child)}`, '');
    else if (roll < 0.29 && !parts.includes('Sent: 03 March 2026 10:14')) parts.push(...email.map((l) => l.replaceAll('{child}', child)), '');
    else parts.push(paragraph(r, child, poorRate), '');
  }
  return parts.join('\n');
}

/** `count` notes of 1-4 KB, seeded. */
export function* corpus(count, seed = 20261121) {
  const r = rng(seed);
  for (let i = 0; i < count; i++) yield makeNote(r, 1024 + Math.floor(r() * 3072));
}
