import { describe, expect, it } from 'vitest';
import { DEMO_CENTER, DEMO_PASSWORD } from '../../server/src/seed/demo-area.js';
import { seedDemoIfEmpty } from '../../server/src/seed/index.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('demo data', () => {
  it('seeds an empty database once, deterministically', async () => {
    const summary = await seedDemoIfEmpty(t.db);
    expect(summary).toMatch(/^6 people, 40 places, 10 groups/);
    expect(await seedDemoIfEmpty(t.db)).toBeNull();
    const places = await t.db
      .selectFrom('places')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(places.n)).toBe(40);
  });

  it('puts the demo places on the default map view', async () => {
    const d = 0.03;
    const bbox = [DEMO_CENTER.lng - 2 * d, DEMO_CENTER.lat - d, DEMO_CENTER.lng + 2 * d, DEMO_CENTER.lat + d].join(',');
    const response = await t.app.inject(`/api/map?bbox=${bbox}&zoom=14&kinds=place,group`);
    const { features } = response.json() as {
      features: Array<{ properties: { kind: string; counts?: Record<string, number> } }>;
    };
    // Markers that would overlap come grouped: count a group's items by kind.
    const shown = (kind: string) =>
      features.reduce(
        (sum, { properties }) =>
          sum + (properties.kind === kind ? 1 : properties.kind === 'cluster' ? (properties.counts?.[kind] ?? 0) : 0),
        0,
      );
    expect(shown('place')).toBeGreaterThanOrEqual(35);
    expect(shown('group')).toBe(10);
  });

  it('lets people sign in as a demo user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'mia@demo.vicinity.example', password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.displayName).toBe('Mia Schubert');
  });
});
