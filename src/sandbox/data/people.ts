// The people in the sandbox user's life. Transcripts name the user and known people; strangers show as "Speaker N".

export const USER_NAME = 'Alex';

export type Circle = 'work' | 'family' | 'friends' | 'doctor' | 'trainer' | 'teacher' | 'therapist' | 'clients';

export const PEOPLE: Readonly<Record<Circle, readonly string[]>> = {
  work: ['Priya', 'Marcus', 'Jordan', 'Wei', 'Sofia', 'Daniel', 'Hannah', 'Tomás', 'Aisha', 'Ben'],
  family: ['Sam', 'Emma', 'Noah', 'Linda', 'George'],
  friends: ['Maya', 'Chris', 'Leo', 'Nadia', 'Ravi', 'Jess'],
  doctor: ['Dr. Patel'],
  trainer: ['Coach Rivera'],
  teacher: ['Ms. Okafor'],
  therapist: ['Dr. Lindqvist'],
  clients: ['Karen', 'Mateo', 'Yuki', 'Olivia'],
};

export const PARTNER = 'Sam';
export const CHILDREN = ['Emma', 'Noah'] as const;

export const CITIES = [
  'Lisbon',
  'Tokyo',
  'Mexico City',
  'Copenhagen',
  'Montreal',
  'Seoul',
  'Cape Town',
  'Edinburgh',
  'Vancouver',
  'Buenos Aires',
] as const;

export const HOME_CITY = 'Oakland';
export const COMPANY = 'Northwind Labs';

/** The user lives on the US west coast; conversations happen in local daytime hours. */
export const USER_UTC_OFFSET_HOURS = -8;
