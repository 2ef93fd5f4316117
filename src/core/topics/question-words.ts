/**
 * The words around a question's topic words, as data: extend a list here, not the code that reads
 * it (analyze-query.ts). All entries are in normalised form: lower case, NFKC, no punctuation,
 * apostrophes dropped ("what's" is "whats").
 */

/**
 * English question words, pronouns, politeness and filler: never a topic word. Also dropped from
 * the full-text index, so neither side ranks on them. Leave out words that are also content in a
 * briefing ("may" is a month, "overview" an alias).
 */
export const ENGLISH_QUESTION_WORDS: readonly string[] = [
  // question words and auxiliaries
  'what whats which who whos whom whose how hows why when where wheres',
  'is isnt are arent was were be been being am do does did doing done dont',
  'has have had having can could would should shall might must will wont',
  // pronouns, articles, conjunctions, prepositions
  'i im ive me my we us our you your they them their it its this that these those there here',
  'a an the and or but of on in into at to for from by with about regarding concerning re as so',
  'than then any some anything something everything all more most much very just also',
  // asking, politeness, chat filler
  'tell show give get got find know learn explain describe summarise summarize brief briefing',
  'please pls plz thanks thank hi hello hey ok okay yes no',
  'info information details detail status state current currently now today',
  'going happening happened up like want wanna need look looking see say said mean',
  'let lets us talk',
  // the partnership itself: in every briefing, so it tells topics apart by nothing
  'eujp eu japan japanese european union',
]
  .join(' ')
  .split(' ');

/**
 * Words of the partnership's vocabulary that every topic shares ("cooperation", "協力"). Dropped
 * from a question only when other words remain, so "quantum cooperation" is about quantum while
 * "cooperation" alone is still searched.
 */
export const GENERIC_WORDS: readonly string[] = [
  'cooperation cooperate cooperating collaboration collaborate collaborating work working works',
  'together joint jointly plans plan progress relations relationship ties between both sides side',
  'efforts effort initiatives initiative activities compare comparison versus vs overview summary',
  '協力 連携 取り組み 取組 取組み 状況 現状 動き 関係 対応 日本 欧州 日欧 日 比較',
]
  .join(' ')
  .split(' ');

/**
 * Asking for what is new. Any of these makes the query a request for the latest developments;
 * the remaining words, if any, name the topic. English entries are whole word sequences; Japanese
 * ones are found anywhere in the text (it has no spaces).
 */
export const LATEST_PHRASES_ENGLISH: readonly string[] = [
  'whats new',
  'what is new',
  'anything new',
  'new developments',
  'latest',
  'news',
  'updates',
  'update',
  'recent developments',
  'developments',
];

export const LATEST_PHRASES_JAPANESE: readonly string[] = [
  '最新情報',
  '最新ニュース',
  '新着情報',
  '最新',
  '新着',
  'ニュース',
  '最近の動き',
  '近況',
  '動向',
  'アップデート',
];

/**
 * Japanese question forms that contain kanji, so they cannot be told apart by script alone:
 * removed wherever they appear.
 */
export const JAPANESE_QUESTION_PHRASES: readonly string[] = [
  '教えてください',
  '教えて下さい',
  '教えて',
  '知りたい',
  '何ですか',
  '何',
  '関して',
  '関する',
  '関し',
  '下さい',
];

/**
 * Hiragana particles, endings and question words. A run of hiragana that these spell out
 * completely ("について", "はどうなっていますか") separates words; any other run ("はやぶさ")
 * stays part of its word.
 */
export const JAPANESE_FUNCTION_WORDS: readonly string[] = [
  // particles
  'は が の を に で と も へ や か ね よ な から まで より って とは では には での への との や',
  'について につき における',
  // copulas, polite endings, question endings
  'です ですか でしょうか でしょう だ だろう ます ますか ません ください ほしい たい たいです',
  // question words and verbs of asking
  'なに なん なんですか どう どんな どの どれ いつ どこ だれ',
  'なって なってる なっている なっていますか なっています いる います いますか いて ある あります ありますか',
  'する して している しています した おしえて しりたい',
]
  .join(' ')
  .split(' ');
