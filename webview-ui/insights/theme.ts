// Chart colours and fonts from VS Code's theme variables, read when charts are drawn (and again on a theme change).

export interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  border: string;
  highContrast: boolean;
  fontFamily: string;
  fontSize: number;
  tooltip: { background: string; foreground: string; border: string };
  series: { blue: string; green: string; red: string; yellow: string; orange: string; purple: string };
  /** The ordered palette for categories. */
  palette: string[];
}

function variable(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

export function readTheme(): Theme {
  const classes = document.body.classList;
  const highContrast = classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light');
  const foreground = variable('--vscode-charts-foreground', variable('--vscode-foreground', '#cccccc'));
  const series = {
    blue: variable('--vscode-charts-blue', '#3794ff'),
    green: variable('--vscode-charts-green', '#89d185'),
    red: variable('--vscode-charts-red', '#f14c4c'),
    yellow: variable('--vscode-charts-yellow', '#cca700'),
    orange: variable('--vscode-charts-orange', '#d18616'),
    purple: variable('--vscode-charts-purple', '#b180d7'),
  };
  return {
    foreground,
    muted: variable('--vscode-descriptionForeground', foreground),
    grid: variable('--vscode-charts-lines', withAlpha(foreground, 0.2)),
    border: variable('--vscode-contrastBorder', variable('--vscode-panel-border', 'transparent')),
    highContrast,
    fontFamily: variable('--vscode-font-family', 'sans-serif'),
    fontSize: Number.parseFloat(variable('--vscode-font-size', '13')) || 13,
    tooltip: {
      background: variable('--vscode-editorHoverWidget-background', '#252526'),
      foreground: variable('--vscode-editorHoverWidget-foreground', foreground),
      border: variable('--vscode-editorHoverWidget-border', '#454545'),
    },
    series,
    palette: [series.blue, series.green, series.orange, series.purple, series.yellow, series.red],
  };
}

/** The colour with the given opacity; colours it cannot read are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color.trim())?.[1];
  if (hex && (hex.length === 3 || hex.length === 6 || hex.length === 8)) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex.slice(0, 6);
    const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color.trim());
  return rgb ? `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})` : color;
}

/** Calls back when VS Code switches theme (it changes the body's class and variables). */
export function onThemeChange(callback: () => void): void {
  let last = document.body.className;
  new MutationObserver(() => {
    if (document.body.className === last) return;
    last = document.body.className;
    callback();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
