// Offsets into a recording as a transcript shows them (no vscode import: unit-tested, and bundled into the webview).
// Lengths of time in words (pauses, totals) are formatDuration(seconds, { withSeconds: true }) in src/util/time.ts.

/** "0:07", "12:34", past an hour "1:02:03". Negative values read as 0; anything not finite as "". */
export function formatTimecode(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '';
  const whole = Math.floor(Math.max(0, seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
