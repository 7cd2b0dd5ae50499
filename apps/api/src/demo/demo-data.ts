/** The demo: a Helsingborg-like city, its five departments, and one autumn cohort. Swedish names and texts. */

export const DEMO_PASSWORD = 'Samverka-demo-2026';
export const HELSINGBORG = '1283';

export const DEPARTMENTS = [
  {
    name: 'Socialförvaltningen',
    member: { name: 'Sara Holm', email: 'sara.holm@example.org' },
    environment: { name: 'Träffpunkt Drottninghög', writtenConsentRequired: true },
    challenge: {
      title: 'Bryta ensamheten bland äldre',
      problemStatement: 'Många äldre i ordinärt boende har få sociala kontakter och söker sällan de mötesplatser som finns.',
      targetGroup: 'Äldre över 75 år som bor hemma',
      desiredOutcome: 'Fler äldre deltar i en aktivitet varje vecka och känner sig mindre ensamma.',
      themes: ['ensamhet', 'äldreomsorg'],
      sdgs: [3, 10],
      competences: ['tjänstedesign', 'intervjuer'],
    },
  },
  {
    name: 'Skol- och fritidsförvaltningen',
    member: { name: 'Johan Ek', email: 'johan.ek@example.org' },
    environment: { name: 'Fritidsgården Dalhem', writtenConsentRequired: true },
    challenge: {
      title: 'Fler unga i föreningslivet',
      problemStatement: 'Unga i Dalhem deltar sällan i föreningar, och skolorna når dem inte med information om fritid.',
      targetGroup: 'Unga 13–18 år i Dalhem',
      desiredOutcome: 'Fler unga är aktiva i en förening ett år senare.',
      themes: ['inkludering', 'fritid'],
      sdgs: [4, 10],
      competences: ['pedagogik', 'sociala medier'],
    },
  },
  {
    name: 'Stadsbyggnadsförvaltningen',
    member: { name: 'Lena Berg', email: 'lena.berg@example.org' },
    environment: { name: 'Stationstorget', writtenConsentRequired: false },
    challenge: {
      title: 'Tryggare vägar till skolan',
      problemStatement: 'Föräldrar skjutsar barnen med bil eftersom skolvägarna upplevs otrygga, vilket ökar trafiken.',
      targetGroup: 'Skolbarn och deras föräldrar i Ödåkra',
      desiredOutcome: 'Fler barn går eller cyklar till skolan.',
      themes: ['trygghet', 'hållbara transporter'],
      sdgs: [11, 3],
      competences: ['stadsplanering', 'datainsamling'],
    },
  },
  {
    name: 'Kulturförvaltningen',
    member: { name: 'Ali Hassan', email: 'ali.hassan@example.org' },
    environment: { name: 'Stadsbiblioteket', writtenConsentRequired: false },
    challenge: {
      title: 'Biblioteket som mötesplats för nyanlända',
      problemStatement: 'Nyanlända använder sällan biblioteket, trots att det erbjuder språkstöd och samhällsinformation.',
      targetGroup: 'Nyanlända vuxna i Helsingborg',
      desiredOutcome: 'Fler nyanlända besöker biblioteket och deltar i språkcaféer.',
      themes: ['integration', 'språk'],
      sdgs: [4, 10, 16],
      competences: ['arabiska', 'tjänstedesign'],
    },
  },
  {
    name: 'Arbetsmarknadsförvaltningen',
    member: { name: 'Eva Sjöberg', email: 'eva.sjoberg@example.org' },
    environment: { name: 'Jobbtorget', writtenConsentRequired: true },
    challenge: {
      title: 'Vägar till jobb för unga vuxna',
      problemStatement: 'Unga vuxna som varken arbetar eller studerar hittar inte fram till kommunens stöd.',
      targetGroup: 'Unga vuxna 18–29 år utan arbete eller studier',
      desiredOutcome: 'Fler unga vuxna har en plan för arbete eller studier inom tre månader.',
      themes: ['arbete', 'inkludering'],
      sdgs: [8, 4],
      competences: ['coachning', 'sociala medier'],
    },
  },
] as const;

/** Challenges that stay before approval, to show the review queue and its states. */
export const OTHER_CHALLENGES = [
  { department: 0, state: 'draft', title: 'Digital trygghet för äldre' },
  { department: 2, state: 'submitted', title: 'Gröna skolgårdar' },
  { department: 3, state: 'changes_requested', title: 'Kultur på recept' },
  { department: 4, state: 'rejected', title: 'Sommarjobb via app' },
] as const;

const COMPETENCES = ['tjänstedesign', 'intervjuer', 'pedagogik', 'sociala medier', 'stadsplanering', 'datainsamling', 'arabiska', 'coachning', 'programmering'];
const THEMES = ['ensamhet', 'äldreomsorg', 'inkludering', 'fritid', 'trygghet', 'hållbara transporter', 'integration', 'språk', 'arbete'];
const KINDS = ['social_entrepreneur', 'researcher', 'student', 'other'] as const;

const NAMES = [
  'Amira Haddad', 'Bo Lindqvist', 'Cecilia Grant', 'David Okafor', 'Elin Strand', 'Farid Nouri', 'Greta Holmberg', 'Hussein Ali',
  'Ida Persson', 'Jonas Wik', 'Klara Sund', 'Leo Andersson', 'Maja Ek', 'Nils Berg', 'Olivia Karlsson', 'Petra Lund',
  'Qasim Rahimi', 'Rebecka Ström', 'Samuel Nilsson', 'Tova Lindgren',
];

const ascii = (name: string) => name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '.');

/** Twenty applicants whose profiles overlap the challenges to different degrees. */
export const APPLICANTS = NAMES.map((name, i) => ({
  name,
  email: `${ascii(name)}@example.org`,
  kind: KINDS[i % KINDS.length],
  competences: [COMPETENCES[i % COMPETENCES.length], COMPETENCES[(i * 3 + 1) % COMPETENCES.length]],
  themes: [THEMES[i % THEMES.length], THEMES[(i + 2) % THEMES.length]],
  sdgs: [[3, 10], [4, 10], [11], [4, 16], [8, 4]][i % 5],
  languages: i % 6 === 5 ? ['en'] : ['sv', 'en'],
  municipalityCode: [HELSINGBORG, HELSINGBORG, '1282', '1280', HELSINGBORG][i % 5],
  hoursPerWeek: 8 + (i % 4) * 4,
  pitch: `${name.split(' ')[0]} vill pröva nya arbetssätt tillsammans med staden.`,
}));

export const PROGRAMME = {
  name: 'Samverka Acceleratorn',
  description: 'Ett acceleratorprogram för social innovation där stadens förvaltningar och innovatörer löser verkliga utmaningar tillsammans.',
  defaultQuestions: [
    { key: 'idea', label: 'Vad vill du pröva, och för vem?', type: 'long_text', required: true },
    { key: 'stage', label: 'Hur långt har du kommit?', type: 'single_choice', required: true, options: ['idé', 'prototyp', 'pilot'] },
    { key: 'team_size', label: 'Hur många är ni?', type: 'number', required: true },
  ],
  defaultRubric: [
    { key: 'need', label: 'Förståelse för behovet', weight: 3 },
    { key: 'feasibility', label: 'Genomförbarhet', weight: 2 },
    { key: 'scalability', label: 'Möjlighet att skala', weight: 1 },
  ],
  defaultGraduationCriteria: [
    { key: 'tested_with_users', label: 'Lösningen är testad med riktiga användare' },
    { key: 'need_owner_agrees', label: 'Behovsägaren har tagit ställning till fortsättningen' },
  ],
};

export const routeToAdoption = (owner: string) => ({
  needOwner: { name: owner, role: 'Enhetschef' },
  uptake: 'operations_budget',
  uptakeNote: 'Förvaltningens driftbudget från 2027.',
  adoptedMeans: 'Arbetssättet ingår i den ordinarie verksamheten.',
});

export const LEARNINGS = [
  { kind: 'obstacle', text: 'Lokalbokningen kräver BankID, som många i målgruppen saknar.', tags: ['bankid', 'digitalt utanförskap'] },
  { kind: 'enabler', text: 'Personalen på plats öppnade dörrar som vi inte själva kunde öppna.', tags: ['förtroende', 'personal'] },
  { kind: 'insight', text: 'Målgruppen ville hellre ses i små grupper än på stora informationsmöten.', tags: ['format'] },
  { kind: 'obstacle', text: 'Upphandlingsreglerna gjorde det svårt att köpa in en enkel tjänst under testperioden.', tags: ['upphandling'] },
  { kind: 'method', text: 'Vi bjöd in behovsägaren till varje test; det kortade besluten.', tags: ['behovsägare', 'förtroende'] },
] as const;

/**
 * Partner posts: who posts (a department by index, a participant by index, or the manager), what
 * they look for or offer. The first two pair up with each other and with the loneliness challenge.
 */
export const PARTNER_POSTS = [
  {
    by: { department: 0 },
    direction: 'offer',
    kind: 'test_environment',
    title: 'Träffpunkt Drottninghög tar emot tester',
    description: 'Vi har en mötesplats där äldre kommer varje vecka och personal som gärna är med när något nytt prövas.',
    tags: ['äldre', 'ensamhet', 'mötesplats'],
    municipalityCode: HELSINGBORG,
  },
  {
    by: { participant: 0 },
    direction: 'look_for',
    kind: 'test_environment',
    title: 'Söker en mötesplats för att testa en app mot ensamhet',
    description: 'Vi behöver en plats där äldre kan prova appen tillsammans med personal under fyra veckor.',
    tags: ['ensamhet', 'äldre'],
    municipalityCode: HELSINGBORG,
  },
  {
    by: { participant: 1 },
    direction: 'offer',
    kind: 'competence',
    title: 'Tjänstedesigner erbjuder intervjuer med målgruppen',
    description: 'Jag har gjort intervjuer med äldre och unga i tre kommuner och kan hjälpa till med upplägg och analys.',
    tags: ['tjänstedesign', 'intervjuer'],
    municipalityCode: '1284',
  },
  {
    by: { department: 3 },
    direction: 'look_for',
    kind: 'competence',
    title: 'Vi söker någon som kan leda språkcaféer på arabiska',
    description: 'Stadsbiblioteket vill starta språkcaféer och söker en samarbetspartner med språket och erfarenhet av att leda grupper.',
    tags: ['arabiska', 'språk', 'integration'],
    municipalityCode: HELSINGBORG,
  },
  {
    by: { manager: true },
    direction: 'offer',
    kind: 'funding',
    title: 'Medfinansiering för tester i stadens verksamheter',
    description: 'Programmet kan bidra med upp till 50 000 kronor för material och arvoden när ett test görs tillsammans med en förvaltning.',
    tags: ['integration', 'inkludering', 'äldre'],
    municipalityCode: HELSINGBORG,
  },
] as const;

/** The dialogue meeting where Socialförvaltningen's challenge began: who came, and the needs they raised. */
export const DIALOGUE = {
  held: {
    theme: 'Ensamhet bland äldre i Helsingborg',
    description: 'Kommunen, föreningar, företag och högskolan samlas för att ringa in vad äldre som bor hemma behöver för att inte bli ensamma.',
    place: 'Träffpunkt Drottninghög, Helsingborg',
    facilitator: 'Eva Lindahl',
    seats: 6,
  },
  participants: [
    { name: 'Anders Nyström', email: 'anders.nystrom@example.org', organisation: 'Helsingborgs stad, hemtjänsten', sector: 'public' },
    { name: 'Fatima Osman', email: 'fatima.osman@example.org', organisation: 'PRO Helsingborg', sector: 'civil_society' },
    { name: 'Gunnar Blom', email: 'gunnar.blom@example.org', organisation: 'Röda Korset Helsingborg', sector: 'civil_society' },
    { name: 'Hanna Ek', email: 'hanna.ek@example.org', organisation: 'Lunds universitet, Campus Helsingborg', sector: 'academia' },
    { name: 'Ivan Petrov', email: 'ivan.petrov@example.org', organisation: 'Skånetrafiken', sector: 'public' },
    { name: 'Jenny Larsson', email: 'jenny.larsson@example.org', organisation: 'Trygghetslarm Syd AB', sector: 'private' },
    { name: 'Karin Möller', email: 'karin.moller@example.org', organisation: 'Svenska kyrkan Maria', sector: 'civil_society' },
  ],
  /** Raised by the participant at the same index; the second is a duplicate of the first. */
  needs: [
    { title: 'Mötesplatser som äldre faktiskt söker sig till', targetGroup: 'Äldre över 75 år som bor hemma', evidence: 'Hemtjänsten möter många som inte pratat med någon på flera dagar.', tags: ['ensamhet', 'mötesplatser'], sdgs: [3, 10] },
    { title: 'Träffar nära hemmet för äldre som är ensamma', targetGroup: 'Äldre i ordinärt boende', tags: ['ensamhet'] },
    { title: 'Hjälp att ta sig till aktiviteter', targetGroup: 'Äldre med nedsatt rörlighet', evidence: 'Färdtjänsten räcker inte till fritidsresor.', tags: ['transporter'], sdgs: [11] },
    { title: 'Digitala vägar in för den som inte kan gå ut', targetGroup: 'Äldre som är bundna till hemmet', tags: ['digitalisering'] },
  ],
  /** [participant, need, votes]: everyone with a seat spreads some of their five votes. */
  votes: [
    [0, 0, 3], [1, 1, 2], [1, 0, 2], [2, 0, 3], [3, 2, 2], [3, 3, 2], [4, 2, 3], [5, 0, 2], [5, 3, 2],
  ] as const,
  upcoming: {
    theme: 'Unga, fritid och föreningsliv',
    description: 'Hur når föreningslivet unga i Dalhem? Vi delar erfarenheter och samlar behov.',
    link: 'https://meet.example.org/unga-fritid',
    facilitator: 'Omar Said',
    seats: 30,
  },
};
