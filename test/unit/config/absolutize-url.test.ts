import { describe, expect, it } from 'vitest';
import { absolutizeUrl } from '../../../src/config/load.js';

const BASE = '/srv/project';

describe('absolutizeUrl', () => {
  it.each([
    ['jdbc:sqlite:./shop.db', 'jdbc:sqlite:/srv/project/shop.db'],
    ['jdbc:sqlite:shop.db', 'jdbc:sqlite:/srv/project/shop.db'],
    ['jdbc:sqlite:../data/shop.db', 'jdbc:sqlite:/srv/data/shop.db'],
    ['jdbc:sqlite:file:./shop.db?mode=ro', 'jdbc:sqlite:/srv/project/shop.db?mode=ro'],
    ['jdbc:sqlite:data/shop.db?journal_mode=WAL', 'jdbc:sqlite:/srv/project/data/shop.db?journal_mode=WAL'],
    ['jdbc:h2:./data/test', 'jdbc:h2:/srv/project/data/test'],
    ['jdbc:h2:../test;MODE=PostgreSQL', 'jdbc:h2:/srv/test;MODE=PostgreSQL'],
    ['jdbc:h2:file:./data/test;DB_CLOSE_DELAY=-1', 'jdbc:h2:/srv/project/data/test;DB_CLOSE_DELAY=-1'],
    ['jdbc:h2:data/test', 'jdbc:h2:/srv/project/data/test'],
    ['jdbc:hsqldb:file:db/test;shutdown=true', 'jdbc:hsqldb:file:/srv/project/db/test;shutdown=true'],
    ['jdbc:hsqldb:file:./test', 'jdbc:hsqldb:file:/srv/project/test'],
    ['jdbc:derby:./db;create=true', 'jdbc:derby:/srv/project/db;create=true'],
    ['jdbc:derby:data/db', 'jdbc:derby:/srv/project/data/db'],
  ])('makes %s absolute', (url, expected) => {
    expect(absolutizeUrl(url, BASE)).toBe(expected);
  });

  it.each([
    // In-memory and server URLs are not files.
    'jdbc:sqlite::memory:',
    'jdbc:sqlite:file::memory:?cache=shared',
    'jdbc:h2:mem:test',
    'jdbc:h2:mem:test;DB_CLOSE_DELAY=-1',
    'jdbc:h2:tcp://localhost/~/test',
    'jdbc:h2:ssl://localhost:9092/data/test',
    'jdbc:hsqldb:mem:test',
    'jdbc:hsqldb:hsql://localhost/xdb',
    'jdbc:derby:memory:db;create=true',
    'jdbc:derby://localhost:1527/db;create=true',
    'jdbc:postgresql://127.0.0.1:5432/test',
    'jdbc:mysql://localhost/db?useSSL=false',
    // Already absolute or home-relative paths stay as written.
    'jdbc:sqlite:/var/data/shop.db',
    'jdbc:h2:/var/data/test',
    'jdbc:h2:~/test',
    'jdbc:hsqldb:file:/var/data/test',
    'jdbc:derby:/var/data/db',
  ])('leaves %s untouched', (url) => {
    expect(absolutizeUrl(url, BASE)).toBe(url);
  });
});
