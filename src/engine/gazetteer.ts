/**
 * Small general-knowledge word lists the answer extractor uses to recognise places, titles and
 * names. They describe the world, not the questions: nothing here names an answer.
 */

/** Sovereign states and a few territories, as commonly written in English news. */
export const COUNTRIES: ReadonlySet<string> = new Set(
  `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burkina|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|Britain|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe`.split(
    '|',
  ),
);

/** Regions, capitals and other places that often stand where a country would. */
export const OTHER_PLACES: ReadonlySet<string> = new Set(
  `Africa|West Africa|North Africa|East Africa|Europe|Asia|Middle East|Sahel|Sahara|Gulf of Guinea|Lake Chad|Bamako|Niamey|Paris|Brussels|Moscow|Washington|London|Berlin|Ouagadougou|N'Djamena|Nouakchott|Gao|Timbuktu|Kidal|Menaka|Mopti|Bandiagara|Abidjan|Dakar|Abuja|Kyiv|Beijing|Geneva|New York`.split(
    '|',
  ),
);

/** Words of rank or office that can precede a person's name and are not part of it. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `president|vice|prime|minister|ministers|foreign|defence|defense|interior|armed|forces|affairs|secretary|chancellor|general|chief|spokesman|spokeswoman|spokesperson|ambassador|envoy|king|queen|prince|princess|mr|mrs|ms|dr|sir|lt|col|gen|colonel|commander|senator|deputy|high|representative|policy|head|leader|director|mayor|governor|premier|researcher|analyst|professor|judge|junta|colonel|captain|major|former|then|acting|interim|transitional|mr.|mrs.|dr.|pope|bishop|imam|sheikh|lieutenant|sergeant|marshal|admiral|official|officials`.split(
    '|',
  ),
);

/** Capitalised words that are never part of a person's name. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  `The|A|An|In|On|At|Of|For|By|From|To|With|And|But|Or|As|After|Before|Since|During|Under|Over|This|That|These|Those|It|He|She|They|We|I|His|Her|Their|Its|Our|Today|Yesterday|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|French|German|Germany's|Estonian|British|American|Russian|Malian|European|African|Western|Islamist|Islamic|Muslim|Muslims|Islam|Jihadist|UN|EU|US|UK|AU|NATO|AFP|AP|Reuters|Operation|Task|Force|Group|Mission|Missions|Union|Nations|Council|Palace|Summit|Gulf|Lake|Region|State|States|Army|Presidency|Government|Ministry|Parliament|Assembly|Party|Front|Movement|Agency|News|Post|Daily|Times|Network|Newspaper|University|Institute|Centre|Center|Support|Special|Al-Qaeda|Qaeda|Caliphate|GMT|Paris`.split(
    '|',
  ),
);

/** True when a capitalised span names a place this list knows. */
export function isKnownPlace(span: string): boolean {
  return COUNTRIES.has(span) || OTHER_PLACES.has(span);
}
