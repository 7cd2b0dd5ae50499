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

/**
 * The programme's first cohort, spring 2026: finished, and the one whose manager publishes its
 * open data (aggregated learnings and impact figures, and a method card distilled from it).
 * Dates are days from today.
 */
export const EARLIER_COHORT = {
  name: 'Våren 2026',
  startsOn: -245,
  endsOn: -165,
  applicationOpensOn: -330,
  applicationClosesOn: -280,
  /** The tests ran from then, with a session on the second day: the measurements cover the days between. */
  testStartsOn: -215,
  testSessionOn: -200,
};

/** One challenge per department (by index) in the spring cohort, with its seats. */
export const EARLIER_CHALLENGES = [
  {
    title: 'Avlastning för anhöriga som vårdar',
    problemStatement: 'Många som vårdar en närstående hemma orkar till slut inte, men söker kommunens stöd först när det är för sent.',
    targetGroup: 'Anhöriga som vårdar en äldre närstående i hemmet',
    desiredOutcome: 'Fler anhöriga får avlastning innan de själva blir sjuka.',
    themes: ['anhörigstöd', 'äldreomsorg'],
    sdgs: [3, 10],
    competences: ['tjänstedesign', 'intervjuer'],
    seats: 2,
  },
  {
    title: 'Läxhjälp som når fler elever',
    problemStatement: 'Läxhjälpen på bibliotek och fritidsgårdar används mest av elever som redan klarar skolan.',
    targetGroup: 'Elever i årskurs 6–9 i Drottninghög och Dalhem',
    desiredOutcome: 'Fler elever som riskerar att inte nå gymnasiebehörighet får regelbunden läxhjälp.',
    themes: ['skola', 'inkludering'],
    sdgs: [4, 10],
    competences: ['pedagogik', 'sociala medier'],
    seats: 2,
  },
  {
    title: 'Parker där fler vill vara på kvällen',
    problemStatement: 'Parkerna i Planteringen används lite efter mörkrets inbrott, och många, särskilt kvinnor, upplever dem som otrygga.',
    targetGroup: 'Boende i Planteringen',
    desiredOutcome: 'Fler boende använder parken på kvällen och upplever den som trygg.',
    themes: ['trygghet', 'stadsmiljö'],
    sdgs: [11, 5],
    competences: ['stadsplanering', 'datainsamling'],
    seats: 1,
  },
  {
    title: 'Högläsning i flerspråkiga familjer',
    problemStatement: 'Barn i familjer där svenska inte talas hemma möter sällan böcker, varken på sitt modersmål eller på svenska, före skolstarten.',
    targetGroup: 'Familjer med barn 2–6 år där svenska inte talas hemma',
    desiredOutcome: 'Fler familjer lånar böcker och läser högt för sina barn varje vecka.',
    themes: ['språk', 'integration'],
    sdgs: [4, 10],
    competences: ['arabiska', 'pedagogik'],
    seats: 2,
  },
  {
    title: 'Vägar till praktik för utrikesfödda kvinnor',
    problemStatement: 'Utrikesfödda kvinnor som står långt från arbetsmarknaden får sällan praktik, eftersom arbetsgivarna och kvinnorna aldrig möts.',
    targetGroup: 'Utrikesfödda kvinnor 25–55 år utan arbete',
    desiredOutcome: 'Fler kvinnor har en praktikplats inom sex månader.',
    themes: ['arbete', 'integration'],
    sdgs: [5, 8],
    competences: ['coachning', 'arabiska'],
    seats: 1,
  },
] as const;

/** Who writes a learning on a spring track: its participant, or its department's member. */
type Author = 'participant' | 'department';

export interface EarlierLearning {
  by: Author;
  kind: 'insight' | 'obstacle' | 'enabler' | 'method';
  text: string;
  tags: string[];
  /** The manager approved its text for open data (published only if its author consents to research use, too). */
  approved?: boolean;
}

/**
 * The spring cohort's eight participants, each on a challenge (by department index), with what
 * came of their track and what they and the department learned. Every kind of learning is on at
 * least five tracks by at least three people, so each is published as its own group.
 */
const EARLIER: {
  name: string;
  kind: (typeof KINDS)[number];
  sdgs: number[];
  department: number;
  /** Discontinued after its test, or graduated so. */
  outcome: 'adopted_by_department' | 'continued_as_venture' | 'discontinued';
  /** Their answer on research use of their learnings; unanswered when left out. */
  researchUse?: boolean;
  learnings: EarlierLearning[];
}[] = [
  {
    name: 'Sofia Bergström',
    kind: 'social_entrepreneur',
    sdgs: [3, 10],
    department: 0,
    outcome: 'adopted_by_department',
    researchUse: true,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Anhöriga ser sig sällan som anhörigvårdare och känner därför inte igen sig i kommunens information om stöd.', tags: ['information', 'uppsökande'], approved: true },
      { by: 'participant', kind: 'insight', text: 'De flesta ville ha en kort och konkret avlastning, två timmar på en fast tid varje vecka, snarare än samtalsstöd.', tags: ['format', 'avlastning'], approved: true },
      { by: 'department', kind: 'enabler', text: 'Hemtjänstens personal kände de anhöriga och kunde lämna inbjudan personligen.', tags: ['förtroende', 'personal'], approved: true },
    ],
  },
  {
    name: 'Ahmed Yusuf',
    kind: 'other',
    sdgs: [3],
    department: 0,
    outcome: 'continued_as_venture',
    researchUse: false,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Biståndsbeslut tar flera veckor, så avlastningen hann knappt komma igång innan testperioden var slut.', tags: ['handläggningstid'] },
      { by: 'participant', kind: 'method', text: 'Vi lät de anhöriga boka avlastningen med ett sms i stället för via ett formulär på webben.', tags: ['bokning', 'digitalt utanförskap'] },
      { by: 'department', kind: 'enabler', text: 'En gemensam kontaktperson på förvaltningen gjorde att frågor löstes samma dag.', tags: ['samverkan', 'förtroende'] },
    ],
  },
  {
    name: 'Lovisa Engström',
    kind: 'student',
    sdgs: [4, 10],
    department: 1,
    outcome: 'adopted_by_department',
    researchUse: true,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Eleverna som behövde läxhjälpen mest skämdes för att gå dit när klasskamraterna såg på.', tags: ['stigma', 'förtroende'], approved: true },
      { by: 'participant', kind: 'insight', text: 'Läxhjälp direkt efter sista lektionen, i skolans egna lokaler, lockade fler än kvällstider på biblioteket.', tags: ['format', 'tid och plats'] },
      { by: 'department', kind: 'enabler', text: 'Mentorerna på skolan visste vilka elever som behövde en personlig inbjudan.', tags: ['förtroende', 'personal'], approved: true },
    ],
  },
  {
    name: 'Mattias Kron',
    kind: 'researcher',
    sdgs: [4],
    department: 1,
    outcome: 'adopted_by_department',
    researchUse: true,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Föräldrar som inte läser svenska fick aldrig informationen, eftersom allt gick via skolans lärplattform.', tags: ['information', 'språk'] },
      { by: 'participant', kind: 'method', text: 'Gymnasieelever som läxhjälpare blev förebilder; att de fanns där betydde mer än deras ämneskunskaper.', tags: ['förebilder', 'uppsökande'], approved: true },
      { by: 'department', kind: 'enabler', text: 'Skolans schema gav plats för läxhjälpen utan att något avtal behövde ändras.', tags: ['samverkan'] },
    ],
  },
  {
    name: 'Nadia Rahman',
    kind: 'social_entrepreneur',
    sdgs: [11, 5],
    department: 2,
    outcome: 'adopted_by_department',
    researchUse: true,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Belysningen i parken kunde inte ändras under testet, eftersom den ingår i ett långt underhållsavtal.', tags: ['upphandling', 'stadsmiljö'] },
      { by: 'participant', kind: 'insight', text: 'De vi intervjuade kände sig tryggare när det pågick en aktivitet med vuxna på plats än av mer ljus i sig.', tags: ['trygghet', 'format'], approved: true },
      { by: 'participant', kind: 'method', text: 'Trygghetsvandringar med boende på kvällstid gav en karta över de platser vi borde börja med.', tags: ['trygghetsvandring', 'uppsökande'] },
      { by: 'department', kind: 'enabler', text: 'Parkavdelningen lånade ut tält och el till kvällsaktiviteterna utan kostnad.', tags: ['samverkan', 'lokaler'] },
    ],
  },
  {
    name: 'Hodan Abdi',
    kind: 'social_entrepreneur',
    sdgs: [4, 10],
    department: 3,
    outcome: 'continued_as_venture',
    researchUse: true,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Barnböcker på somaliska och tigrinja fanns knappt att låna, så familjerna hade inget att läsa hemma.', tags: ['språk', 'bibliotek'], approved: true },
      { by: 'participant', kind: 'method', text: 'Vi började varje träff med en sång på familjernas språk; då stannade föräldrarna kvar och läste med.', tags: ['språk', 'format'], approved: true },
      { by: 'department', kind: 'enabler', text: 'Öppna förskolan bjöd in sina familjer, och de kom eftersom de redan kände personalen.', tags: ['förtroende', 'personal'], approved: true },
    ],
  },
  {
    name: 'Patrik Sand',
    kind: 'student',
    sdgs: [4],
    department: 3,
    outcome: 'adopted_by_department',
    researchUse: true,
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Ett lånekort krävde en folkbokföringsadress, vilket stängde ute familjer som nyss hade kommit.', tags: ['regelverk', 'bibliotek'], approved: true },
      { by: 'participant', kind: 'insight', text: 'Föräldrarna läste mer när de fick låna hem samma bok både på sitt eget språk och på svenska.', tags: ['språk'], approved: true },
      { by: 'participant', kind: 'method', text: 'Korta filmer om hur man läser högt, gjorda av andra föräldrar, nådde fler än tryckta foldrar.', tags: ['information', 'uppsökande'], approved: true },
      { by: 'department', kind: 'enabler', text: 'Biblioteket kunde flytta sagostunden till lördagar, när hela familjen är ledig.', tags: ['lokaler', 'tid och plats'] },
    ],
  },
  {
    name: 'Zeynep Demir',
    kind: 'researcher',
    sdgs: [5, 8],
    department: 4,
    outcome: 'discontinued',
    learnings: [
      { by: 'participant', kind: 'obstacle', text: 'Arbetsgivarna ville ha praktikanter med körkort, vilket få av kvinnorna hade.', tags: ['krav från arbetsgivare'] },
      { by: 'participant', kind: 'insight', text: 'Kvinnorna ville hellre börja med en gemensam studiedag hos arbetsgivarna än med en egen praktikplats.', tags: ['format'] },
      { by: 'participant', kind: 'method', text: 'Vi sökte arbetsgivare i kvinnornas eget bostadsområde, så att resvägen inte blev ett hinder.', tags: ['uppsökande', 'tid och plats'] },
      { by: 'department', kind: 'enabler', text: 'Jobbtorgets coacher följde med den första dagen, och ingen hoppade av den veckan.', tags: ['förtroende', 'personal'] },
    ],
  },
];

export const EARLIER_PARTICIPANTS = EARLIER.map((participant) => ({ ...participant, email: `${ascii(participant.name)}@example.org` }));

/** Department members (by index) who consent to research use of their learnings; the others have not answered. */
export const EARLIER_DEPARTMENT_RESEARCH_USE = [0, 1, 3];

/** What the programme manager distilled from the spring cohort's learnings on outreach, and published as open data. */
export const EARLIER_METHOD_CARD = {
  fromTag: 'uppsökande',
  title: 'Möt målgruppen där den redan finns',
  whenToUse: 'När de som behöver stödet mest inte själva söker sig till kommunens verksamheter.',
  steps: [
    'Ta reda på var målgruppen redan samlas, och vilka de litar på där',
    'Bjud in personligen genom någon de känner, inte med en folder',
    'Håll den första träffen på deras plats och tid, kort och konkret',
    'Kom tillbaka med samma personer nästa gång',
  ],
  evidence: 'Flera spår i våren 2026 nådde fler i målgruppen när de gick ut till platser där den redan fanns: skolan efter sista lektionen, parken på kvällen, familjernas egna nätverk och bostadsområdet.',
};
