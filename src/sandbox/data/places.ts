import type { Geolocation } from '../types';
import type { Random } from './random';
import type { PlaceKind } from './topics';

interface Place {
  address: string;
  latitude: number;
  longitude: number;
  locationType: string;
}

const PLACES: Readonly<Record<PlaceKind, readonly Place[]>> = {
  office: [
    {
      address: '500 Howard St, San Francisco, CA 94105, USA',
      latitude: 37.7887,
      longitude: -122.3966,
      locationType: 'premise',
    },
    {
      address: '1 Kaiser Plaza, Oakland, CA 94612, USA',
      latitude: 37.8098,
      longitude: -122.2647,
      locationType: 'premise',
    },
  ],
  home: [
    {
      address: '4120 Piedmont Ave, Oakland, CA 94611, USA',
      latitude: 37.8266,
      longitude: -122.2526,
      locationType: 'street_address',
    },
  ],
  clinic: [
    {
      address: '2450 Ashby Ave, Berkeley, CA 94705, USA',
      latitude: 37.8568,
      longitude: -122.2571,
      locationType: 'establishment',
    },
    {
      address: '3600 Broadway, Oakland, CA 94611, USA',
      latitude: 37.8247,
      longitude: -122.2562,
      locationType: 'establishment',
    },
  ],
  gym: [
    {
      address: '2020 4th St, Berkeley, CA 94710, USA',
      latitude: 37.8665,
      longitude: -122.3005,
      locationType: 'establishment',
    },
  ],
  cafe: [
    {
      address: '300 Webster St, Oakland, CA 94607, USA',
      latitude: 37.7964,
      longitude: -122.2784,
      locationType: 'establishment',
    },
    {
      address: '2 Ferry Building, San Francisco, CA 94111, USA',
      latitude: 37.7955,
      longitude: -122.3937,
      locationType: 'point_of_interest',
    },
  ],
  outdoors: [
    {
      address: 'Redwood Regional Park, Oakland, CA 94619, USA',
      latitude: 37.8132,
      longitude: -122.1646,
      locationType: 'park',
    },
    {
      address: 'Tilden Regional Park, Berkeley, CA 94708, USA',
      latitude: 37.8916,
      longitude: -122.2444,
      locationType: 'park',
    },
  ],
  school: [
    {
      address: '6945 Broadway, Oakland, CA 94611, USA',
      latitude: 37.8413,
      longitude: -122.2488,
      locationType: 'establishment',
    },
  ],
  studio: [
    {
      address: '1960 Mandela Pkwy, Oakland, CA 94607, USA',
      latitude: 37.8145,
      longitude: -122.2891,
      locationType: 'premise',
    },
  ],
};

const PLACE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function placeId(address: string): string {
  // Stable per address, so the same place always has the same id.
  let hash = 2166136261;
  let id = 'ChIJ';
  for (let i = 0; id.length < 27; i++) {
    hash = Math.imul(hash ^ address.charCodeAt(i % address.length), 16777619) >>> 0;
    id += PLACE_ID_ALPHABET[hash % PLACE_ID_ALPHABET.length];
  }
  return id;
}

export function geolocationFor(rng: Random, kind: PlaceKind): Geolocation {
  const place = rng.pick(PLACES[kind]);
  const jitter = () => Math.round(rng.float(-0.0004, 0.0004) * 1e6) / 1e6;
  return {
    google_place_id: placeId(place.address),
    latitude: Math.round((place.latitude + jitter()) * 1e6) / 1e6,
    longitude: Math.round((place.longitude + jitter()) * 1e6) / 1e6,
    address: place.address,
    location_type: place.locationType,
  };
}
