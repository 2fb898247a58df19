/**
 * Word lists for reading speaker phrases: titles, role nouns, organisations, places used for
 * their governments ("Moscow said"), pronouns and first names with their usual gender. Kept
 * short and general; anything not listed falls back on capitalisation and position.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/u));

/** The last word of a title before a name: "Foreign Minister Sergei Lavrov". */
export const TITLE_HEADS = words(`
President Minister Secretary Chancellor Senator Sen. Representative Rep. Governor Gov. Mayor
General Gen. Admiral Adm. Colonel Col. Lieutenant Lt. Captain Capt. Commander Cmdr. Major Maj.
Sergeant Sgt. Marshal Chief Director Chairman Chairwoman Chair Ambassador Envoy Judge Justice
Prosecutor Attorney Commissioner Spokesman Spokeswoman Spokesperson Professor Prof. Dr. Dr
Mr. Mr Mrs. Mrs Ms. Ms Miss Sir Dame Lord Lady King Queen Prince Princess Pope Archbishop Bishop
Rabbi Imam Sheikh Coach Manager CEO Executive Officer Founder Leader Speaker Premier Inspector
Detective Constable Editor Patriarch Cardinal Deputy Chancellor Superintendent Mme. Herr Frau
Monsieur Madame Economist Analyst Lawmaker Councillor Councilor Congressman Congresswoman MP
`);

/** Honorifics: part of how a name is written, not a role. */
export const HONORIFICS = words(
  'Mr. Mr Mrs. Mrs Ms. Ms Miss Dr. Dr Prof. Sir Dame Mme. Herr Frau Monsieur Madame',
);
export const MALE_HONORIFICS = words('Mr. Mr Sir Herr Monsieur Lord King Prince');
export const FEMALE_HONORIFICS = words(
  'Mrs. Mrs Ms. Ms Miss Dame Mme. Madame Frau Lady Queen Princess',
);

/** Lowercase nouns naming a person by role: "the spokesperson", "a senior official". */
export const PERSON_ROLE_NOUNS = words(`
spokesperson spokesman spokeswoman minister official analyst expert professor researcher
scientist economist diplomat lawmaker senator president chairman chairwoman chair director chief
executive lawyer attorney prosecutor judge officer commander general ambassador envoy secretary
governor mayor coach manager captain player resident witness activist organiser organizer doctor
author aide adviser advisor critic supporter observer investor trader banker leader deputy head
founder owner engineer pilot teacher student farmer worker employee physician nurse historian
politician candidate negotiator strategist commentator columnist journalist reporter editor
inspector detective investigator police policeman policewoman soldier veteran academic lecturer
fellow chancellor premier representative delegate consultant specialist psychologist woman man
victim reviewer commuter neighbour neighbor passenger driver customer voter shopper survivor mother
father parent wife husband friend colleague tenant landlord patient surgeon councillor councilor
angler prisoner defendant claimant plaintiff eyewitness bystander shopkeeper resident spokesman
`);

/** Plural person nouns: "officials said" names no one in particular. */
export const PLURAL_PERSON_NOUNS = words(`
officials analysts experts researchers scientists economists diplomats lawmakers executives
lawyers prosecutors officers commanders residents witnesses activists organisers organizers doctors
authors aides advisers advisors critics supporters observers investors traders bankers leaders
engineers teachers students farmers workers employees police politicians negotiators
investigators soldiers veterans academics specialists authorities people campaigners protesters
women men victims reviewers delegates commuters neighbours neighbors passengers drivers customers
voters shoppers survivors parents surgeons councillors councilors anglers nurses families
relatives prisoners scientists physicians pilots owners users developers planners diplomats
`);

/** Heads that make a speaker anonymous: the claim counts as unattributed. */
export const ANONYMOUS_HEADS = words('source sources insider insiders');

/** Lowercase heads of organisation phrases: "the ministry said". */
export const ORG_NOUNS = words(`
ministry government company firm department agency army military police court committee council
administration embassy bank party club team union group regulator watchdog board commission office
campaign kremlin cabinet parliament presidency secretariat command prosecutor's statement report
study document letter survey memo filing poll lab laboratory institute university hospital school
charity organisation organization federation alliance coalition movement service authority
force forces navy fleet guard operator league association opposition trust network presidency
minutes figures data records documents estimates tribunal jury inquest inquiry hearing website
`);

/** Capitalised words that make a name an organisation. */
export const ORG_WORDS = words(`
Ministry Kremlin Pentagon Department Office Agency Company Corporation Corp. Inc. Ltd. Group Party
Committee Council Government Commission Bank Union Court Police Army Navy Forces Force Fund
Institute University Association Federation Organisation Organization Service Authority Board
Bureau Administration Parliament Duma Senate Congress Assembly Cabinet Embassy Secretariat
Command Club League Foundation Centre Center Alliance Coalition Movement Front Brigade Hospital
School Church Trust Society Airlines Motors Holdings Industries Technologies Labs Partners Capital
Systems Reserve Ministry's Kremlin's Commission's Council's Co. plc FC United City Rovers Rada
Bundestag Knesset Guard Coast Directorate Prosecutor's Inspectorate Observatory Academy College
House Office Network Programme Program Fleet Therapeutics Pharmaceuticals Pharma Biotech Motors
Energy Minerals Mining Retail Water Dynamics Software Securities Insurance Foods Steel Oil Gas
Telecom Entertainment Logistics Airways Railways Shipping Aerospace Electric Chemicals Semiconductor
Devices Robotics Solutions Services Networks Communications Brands Stores Enterprises Ventures
Resources Materials Airlines Automotive Pharmaceutical Biosciences Bancorp
`);

/** Last words of place names: "Skerry Point", "Canal Street", "Eastern Europe". */
export const PLACE_WORDS = words(`
Point Street Road Avenue Square River Mountains Island Islands Valley Hills Station Airport Harbour
Harbor Sea Ocean Peninsula Region Province County District Town Village Coast Gulf Strait Canal
Forest Desert Plains Heights Quay Pier
Europe Asia Africa America Caribbean Pacific Atlantic Arctic Balkans Baltic Caucasus Donbas Crimea
`);

/** First words of place names: "River Lune", "Mount Elgon". */
export const PLACE_FIRST_WORDS = words('River Lake Mount Cape Gulf Bay Port Isle Fort Lake Strait');

/** Places named for their governments or institutions ("Moscow said"). */
export const PLACES = words(`
Moscow Washington Beijing Kyiv Kiev London Paris Berlin Brussels Tehran Ankara Tokyo Seoul
Pyongyang Caracas Damascus Jerusalem Riyadh Delhi Islamabad Minsk Warsaw Rome Madrid Ottawa
Canberra Havana Cairo Baghdad Kabul Tbilisi Baku Yerevan Astana Tashkent Vienna Geneva Stockholm
Oslo Helsinki Copenhagen Prague Budapest Bucharest Sofia Athens Lisbon Dublin Edinburgh Taipei
Hanoi Manila Jakarta Bangkok Pretoria Nairobi Lagos Abuja Brasilia Bogota Lima Mexico Russia
China Ukraine Iran Israel Turkey France Germany Britain Japan India Venezuela Syria America
Europe Poland Belarus Georgia Cuba Canada Australia Italy Spain Brazil Africa Asia Korea
`);

export const PERSON_PRONOUNS: Record<string, 'm' | 'f'> = { he: 'm', she: 'f' };
export const GROUP_PRONOUNS = words('they it we');

/** Words that start a clause: a speaker phrase never runs back past them. */
export const CLAUSE_BOUNDARIES = words(`
and but or nor that which who whom whose while because although though as when whenever after
before if since whereas where so then unless until once yet is was are were be been being
has have had do does did said says told
`);

/** Prepositions that open an adverbial ("In a statement, ..."), not a speaker. */
export const PREPOSITIONS = words(`
in on at after before during since for from with without by to of over under about against
between among through across amid despite following according speaking asked writing
`);

/** Role nouns that say the speaker's gender. */
export const GENDERED_ROLES: Record<string, 'm' | 'f'> = {
  spokesman: 'm',
  spokeswoman: 'f',
  chairman: 'm',
  chairwoman: 'f',
  woman: 'f',
  man: 'm',
  mother: 'f',
  father: 'm',
  wife: 'f',
  husband: 'm',
  congressman: 'm',
  congresswoman: 'f',
  policeman: 'm',
  policewoman: 'f',
  businessman: 'm',
  businesswoman: 'f',
};

/** Common first names with their usual gender, for "he" and "she" (a guess, never a rule). */
const FEMALE_NAMES = words(`
Maria Mary Anna Anne Ann Elena Olga Natalia Natalya Tatiana Tatyana Irina Svetlana Ekaterina
Yekaterina Yulia Julia Alexandra Sofia Sophie Sarah Sara Laura Emma Emily Claire Catherine
Kathryn Katherine Kate Karen Susan Linda Patricia Elizabeth Jennifer Jessica Michelle Angela
Helen Ursula Annalena Giorgia Kamala Hillary Nancy Marine Christine Ségolène Nicola Theresa
Liz Rachel Rebecca Ruth Hannah Lisa Julie Marie Nathalie Isabelle Sabine Petra Monika Ingrid
Greta Heidi Amina Fatima Aisha Leila Priya Mei Yuki Aiko Hana Ji-woo Min-ji Li Lin Ying Valentina
Daria Darya Marina Ludmila Lyudmila Oksana Iryna Kristina Victoria Viktoria Eva Ewa Agnieszka
Margaret Barbara Dorothy Lucy Grace Chloe Olivia Amelia Charlotte Jane Joan Diane Deborah Carol
Sandra Monica Andrea Silvia Paula Nadia Yasmin Zainab Noor Lucia Carmen Rosa Isabel Ana Beatriz
Astrid Karin Birgit Katja Agnes Francesca Giulia Chiara Alice Sophia Mia Ella Fiona Nicole Helena
`);
const MALE_NAMES = words(`
Mark John James Michael David Robert William Richard Thomas Charles Joseph Daniel Paul George
Peter Andrew Steven Stephen Kevin Brian Edward Donald Joe Barack Emmanuel Olaf Friedrich Boris
Keir Rishi Vladimir Sergei Sergey Dmitry Dmitri Alexey Alexei Aleksei Alexander Aleksandr Mikhail
Nikolai Ivan Igor Yuri Viktor Oleg Andrei Andriy Volodymyr Petro Pavel Maxim Konstantin Ilya
Jean Pierre François Francois Jacques Nicolas Olivier Hans Klaus Jürgen Wolfgang Karl Markus
Xi Li Wang Hiroshi Takeshi Kenji Ahmed Mohammed Muhammad Ali Omar Hassan Recep Benjamin Yair
Luis Carlos Jorge Juan José Jose Miguel Nicolás Nicolas Diego Luiz Lula Narendra Rahul Arjun
Tom Tim Jim Bill Bob Mike Chris Matt Ben Sam Jack Harry Henry Frank Martin Simon Tony Ian Alan
Carlos Pablo Antonio Marco Luca Giuseppe Stefan Lars Anders Erik Johan Piotr Tomasz Jan Hamid Reza
Yusuf Ibrahim Samuel Oliver Graham Colin Malcolm Sean Patrick Neil Gary Scott Craig Anton Bruno
`);

export function genderOfFirstName(name: string): 'm' | 'f' | undefined {
  if (FEMALE_NAMES.has(name)) return 'f';
  if (MALE_NAMES.has(name)) return 'm';
  return undefined;
}

/** Slavic surnames carry gender: Zakharova, Sitenko (neither), Chepa (neither), Lavrov. */
export function genderOfSurname(name: string): 'm' | 'f' | undefined {
  if (/(?:ova|eva|ëva|ina|aya|ska|cka|ská)$/u.test(name)) return 'f';
  if (/(?:ov|ev|in|sky|skiy|ski)$/u.test(name)) return 'm';
  return undefined;
}

/** Words that may stand in a role before a name: "White House press secretary Karoline Leavitt". */
export const ROLE_MODIFIERS = new Set(
  (
    'press deputy foreign senior former chief executive vice first second prime acting interim top lead ' +
    'state defence defense interior finance economy health trade energy national security civil local ' +
    'regional federal city party opposition government military presidential foreign-policy veteran ' +
    'political retired emeritus associate assistant general managing special'
  ).split(' '),
);

/** Verbs that end a subject: auxiliaries and common irregular past forms. */
export const FINITE_VERBS = words(`
is are was were has have had will would could can should must may might did does do put gave
made took went came got kept left felt thought knew saw spoke wrote sent set let met won lost ran
began became held stood brought told said says stole fell rose grew drew
`);

/** Whether a name is a place's ("London", "Jezero Crater"): never "the company". */
export function isPlaceName(name: string): boolean {
  const words = name.split(/\s+/u);
  const last = words[words.length - 1] ?? '';
  return PLACES.has(last) || PLACE_WORDS.has(last) || PLACE_FIRST_WORDS.has(words[0] ?? '');
}
