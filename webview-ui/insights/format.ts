// How days, weeks and numbers read on the charts (the user's locale).

function localDate(key: string): Date {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export const number = (value: number): string => value.toLocaleString();

export const shortDay = (key: string): string =>
  localDate(key).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

export const longDay = (key: string): string =>
  localDate(key).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

export const weekOf = (key: string): string =>
  `Week of ${localDate(key).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;

export const monthOf = (key: string): string => localDate(key).toLocaleDateString(undefined, { month: 'short' });

export const titleCase = (word: string): string => (word ? word.charAt(0).toUpperCase() + word.slice(1) : word);

export const plural = (count: number, one: string, many: string): string =>
  `${number(count)} ${count === 1 ? one : many}`;
