// The passages of the two practice standards that rules enforce. Rules name
// them by id in `meta.guidance`; --explain and the stylish reporter quote them.
// Text is verbatim from ../shared/guidance/.

export interface GuidancePassage {
  standard: string;
  section: string;
  quote: string;
}

const coventry = 'Coventry Record Keeping Practice Guidance (2018)';
const dudley = 'Dudley Practice Standard: Recording';

export const guidance = {
  'coventry:plain-english': {
    standard: coventry,
    section: 'Plain English',
    quote:
      'All case recordings should be written in clear, plain English and without jargon or abbreviations. It is essential that records can be easily understood and accessible. If there is any doubt in what the terminology that you are using could mean, then you need to define it.',
  },
  'coventry:respectful': {
    standard: coventry,
    section: 'Respectful recording',
    quote:
      'Ensure all recordings are respectful, demonstrating sensitivity to difference in culture, language, ethnicity, race, age, gender, disability, sexual orientation, religion and sensory impairment.',
  },
  'coventry:labels': {
    standard: coventry,
    section: 'Labels',
    quote:
      "Avoid language which stereotypes and labels people. If you do use a descriptive word such as 'aggressive', this needs to be supported with evidence and information.",
  },
  'coventry:fact-opinion-hearsay': {
    standard: coventry,
    section: 'Fact, opinion and hearsay',
    quote:
      'Records need to distinguish between fact, opinion and hearsay. Facts is information that is accurate and direct observations of events. Opinions are views about the significance of information or interpretation of observed behavior. It is important to be clear about the factual basis for any professional opinions that you record. Hearsay is information that has been told to you by others, which is relevant to the case but which you cannot personally verify.',
  },
  'coventry:child-voice': {
    standard: coventry,
    section: 'Wishes, feelings and views',
    quote:
      'Ensure that the wishes, feelings and views of the children, young people and families that we work with are recorded. Where ever possible this should be recorded in the words of the child, young person or family member.',
  },
  'coventry:direct-quotes': {
    standard: coventry,
    section: 'Contemporaneous notes',
    quote:
      "This can help ensure that what is recorded about a child and family is accurate, and that the child and families voice can be heard in assessments, for example using direct quotes.",
  },
  'coventry:timeliness': {
    standard: coventry,
    section: 'Timeliness',
    quote:
      'In Coventry, case notes should be completed by the practitioner who has undertaken the task within two working days, or in line with the relevant statutory guidance. Where work is undertaken to assess whether a child, young person or adult may be at risk of significant harm, or to protect them from this, all relevant information must be recorded, if at all possible, within the same working day, and at the latest within twenty-four hours.',
  },
  'coventry:dated-signed': {
    standard: coventry,
    section: 'Handwritten notes',
    quote: 'Handwritten notes should be dated and signed.',
  },
  'coventry:child-may-read': {
    standard: coventry,
    section: 'The child may read it',
    quote:
      'It is essential that all practitioners are mindful that a child or young person may one day request to see what has been written about them or their family.',
  },
  'dudley:comprehensible': {
    standard: dudley,
    section: 'Purpose',
    quote:
      "Children's files hold up to date information, which shows how we are carrying out statutory responsibilities, and is written clearly and respectfully so it will be comprehensible to the people we are writing about.",
  },
  'dudley:concise': {
    standard: dudley,
    section: 'Case notes',
    quote:
      'Case notes and recording in a Family Safeguarding Workbook should be concise and only include information that is relevant to the person, or the support being provided detailing discussions and interactions.',
  },
  'dudley:disagreements': {
    standard: dudley,
    section: 'Professional disagreements',
    quote: 'Files should show how professional disagreements and disputes have been addressed.',
  },
  'dudley:emails': {
    standard: dudley,
    section: 'Emails',
    quote: 'Emails and email exchanges should not be cut and pasted or attached to case notes.',
  },
  'dudley:timeliness': {
    standard: dudley,
    section: 'Timeliness',
    quote:
      'Case notes should be updated within 3 working days. However, if the information is urgent, it must be recorded immediately or within 24 hours.',
  },
} as const satisfies Record<string, GuidancePassage>;

export type GuidanceId = keyof typeof guidance;
