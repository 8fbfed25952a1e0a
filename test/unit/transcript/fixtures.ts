import type { Conversation } from '../../../src/api/models';

/** A finished conversation with every field the panel shows, plus one a newer server might add. */
export function sampleConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv-1',
    created_at: '2026-11-28T09:00:00Z',
    started_at: '2026-11-28T09:00:00Z',
    finished_at: '2026-11-28T09:12:30Z',
    language: 'en',
    source: 'omi',
    structured: {
      title: 'Weekly planning',
      overview: 'We planned the week.',
      emoji: '🗓️',
      category: 'work',
      action_items: [
        { description: 'Send the notes', completed: false, due_at: '2026-11-29T10:00:00Z' },
        { description: 'Book the room', completed: true, due_at: null },
      ],
      events: [{ title: 'Review', start: '2026-12-01T10:00:00Z', duration: 45, description: '', created: false }],
    },
    geolocation: { latitude: 1, longitude: 2, address: 'Main Street 1' },
    folder_id: 'f1',
    folder_name: 'Work',
    transcript_segments: [
      { speaker_id: 0, speaker_name: 'Alex', is_user: true, text: 'Shall we start?', start: 0, end: 2 },
      { speaker_id: 1, speaker_name: 'Dana', text: 'Yes.', start: 2.5, end: 3 },
    ],
    unknown_future_field: { kept: true },
    ...overrides,
  };
}
