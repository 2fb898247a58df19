/**
 * Telling outlets from people and other organisations: a list of widely cited news
 * organisations, the words newspaper names are made of ("Post", "Zeitung"), web domains
 * ("Lenta.ru"), and the common nouns that refer back to an outlet ("the newspaper").
 */

const KNOWN_OUTLETS = `
Reuters|AP|Associated Press|AFP|Agence France-Presse|TASS|RIA Novosti|RIA|Interfax|Xinhua|Kyodo
Yonhap|Bloomberg|BBC|CNN|NBC|CBS|ABC|Fox News|NPR|Sky News|Al Jazeera|Deutsche Welle|DW|Der Spiegel
Spiegel|Le Monde|Le Figaro|Libération|Liberation|Kommersant|Vedomosti|Izvestia|RBC|Meduza
Novaya Gazeta|Politico|Axios|Financial Times|FT|The Economist|Economist|Guardian|The Times
Telegraph|Independent|Daily Mail|Washington Post|New York Times|Wall Street Journal|WSJ|USA Today
Los Angeles Times|Radio Liberty|Radio Free Europe|RFE/RL|Radio Svoboda|Voice of America|VOA
Nikkei|Asahi|Asahi Shimbun|NHK|South China Morning Post|Haaretz|Times of Israel|Kyiv Independent
Ukrainska Pravda|Frankfurter Allgemeine|FAZ|Süddeutsche Zeitung|Die Zeit|Zeit|Bild|Handelsblatt
El País|Corriere della Sera|La Repubblica|ANSA|EFE|dpa|DPA|Yle|RT|Sputnik|Euronews|France 24
Le Parisien|Ouest-France|Kyiv Post|Caixin|Global Times|People's Daily|CCTV|Mainichi|Yomiuri
Bellingcat|The Atlantic|New Yorker|Newsweek|Forbes|Fortune|Variety|Wired|The Verge|TechCrunch
Channel One|Rossiya 1|NTV|Ukrinform|Anadolu|IRNA|Fars|KCNA|Yomiuri Shimbun|Arab News|Dawn
`
  .trim()
  .split(/[|\n]/u)
  .map((name) => name.trim());
const stripArticle = (name: string): string => name.replace(/^the\s+/iu, '');
const KNOWN = new Set(KNOWN_OUTLETS.map((name) => stripArticle(name).toLowerCase()));

/** Words newspaper, broadcaster and agency names end with. */
const OUTLET_WORDS =
  /\b(?:Post|Times|Journal|Herald|Tribune|Gazette|Gazeta|Guardian|Telegraph|Chronicle|Observer|Magazine|News|Daily|Weekly|Review|Radio|Television|TV|Broadcasting|Zeitung|Pravda|Izvestia|Express|Mirror|Courier|Inquirer|Dispatch|Wire|Monitor|Shimbun|Allgemeine|Nachrichten|Rundschau|Kurier|Presse|Soir|Matin|Quotidien|Vedomosti|Novosti|Today|Insider|Intelligencer|Bulletin|Examiner|Sentinel|Star|Sun|Mail)$/u;

const DOMAIN =
  /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:ru|com|net|org|ua|by|de|fr|uk|io|info|news|media|co|kz|am|ge|cn|jp|in)$/iu;

/** Common nouns that refer back to an outlet. */
export const OUTLET_NOUNS = new Set(
  (
    'newspaper paper daily outlet broadcaster magazine website site tabloid publication weekly ' +
    'channel network station portal blog journal agency newswire wire media'
  ).split(' '),
);

/** Whether a proper name is an outlet's. */
export function isOutletName(name: string): boolean {
  const bare = stripArticle(name.trim()).replace(/['’]s$/u, '');
  if (KNOWN.has(bare.toLowerCase())) return true;
  if (DOMAIN.test(bare)) return true;
  // "Russian state television", "Military Watch Magazine", "the Moscow Times"
  // A suffix alone ("Sun") is too often a name: it takes two words ("the Moscow Times").
  return /\s/u.test(bare) && /^\p{Lu}/u.test(bare) && OUTLET_WORDS.test(bare);
}

/** Whether a common-noun phrase refers to an outlet ("the newspaper", "a flight-tracking site"). */
export function isOutletPhrase(phrase: string): boolean {
  const words = phrase.toLowerCase().split(/\s+/u);
  const head = words[words.length - 1] ?? '';
  if (!OUTLET_NOUNS.has(head)) return false;
  // "the agency" alone is as often a government agency: only "news agency" is surely an outlet.
  if (head === 'agency') return words.includes('news') || words.includes('press');
  if (head === 'media') return words.includes('state') || words.includes('local');
  return true;
}

/** Known outlet names as written in a text, for finding outlet mentions anywhere. */
export const KNOWN_OUTLET_NAMES: readonly string[] = KNOWN_OUTLETS;
