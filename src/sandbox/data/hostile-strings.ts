// Text that breaks careless renderers, file writers and parsers. Hostile mode puts these in every text field.

export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const XSS_SCRIPT = '<script>alert("omi")</script>';
export const TRAVERSAL_UNIX = '../../etc/passwd';
export const TRAVERSAL_WINDOWS = '..\\..\\x';
export const RTL = 'اجتماع الفريق غدًا صباحًا — פגישה מחר בבוקר';
export const ZERO_WIDTH = 'zero\u200bwidth\u200c joiner\u200d and\ufeff bom';
export const EMOJI = '🧠💬🔥 👩‍👩‍👧‍👦 🏳️‍🌈 🇵🇹 ✅❌ 🤷🏽‍♀️';

export const HOSTILE_SNIPPETS: readonly string[] = [
  XSS_IMG,
  XSS_SCRIPT,
  TRAVERSAL_UNIX,
  TRAVERSAL_WINDOWS,
  'CON',
  'NUL.txt',
  'aux:prn|com1?*"<lpt1>',
  RTL,
  ZERO_WIDTH,
  EMOJI,
  '"; DROP TABLE memories; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the point; inserting it as a snippet would expand it
  '${process.env.HOME} $1 $0 ${1:snippet} `rm -rf /`',
  '# Heading\n\n```js\nconsole.log("fenced")\n```\n| a | b |\n|---|---|',
  '[click me](javascript:alert(1)) <a href="file:///etc/passwd">local</a>',
  'line one\r\nline two\rline three\u2028line four\u2029end',
  '\u0000nul \u0007bell \u001bescape',
  '   leading and trailing spaces   ',
  '',
];

/** About 1 MB of text, built once per call (hostile mode uses it in one memory and one transcript segment). */
export function megabyteText(): string {
  const unit = 'A very long memory that keeps going 🧠 ';
  const repeats = Math.ceil((1024 * 1024) / unit.length);
  return `${unit.repeat(repeats)}THE END`;
}

/** Dates a client must survive: far past, epoch, far future. */
export const ODD_DATES = ['0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2999-12-31T23:59:59.999999Z'] as const;
