import { describe, expect, it } from 'vitest';
import { FerryError } from '../../../src/errors/index.js';
import { registerSecrets, scrubSecrets, urlSecrets } from '../../../src/errors/secrets.js';
import { validateConfig } from '../../../src/config/index.js';

describe('secrets', () => {
  it('finds the secrets inside JDBC URLs', () => {
    expect(urlSecrets('jdbc:mariadb://root:s3cretPw@127.0.0.1:3306/test')).toEqual(['s3cretPw']);
    expect(urlSecrets('jdbc:postgresql://h/db?user=u&password=a1&sslpassword=b2')).toEqual(['a1', 'b2']);
    expect(urlSecrets('jdbc:h2:tcp://h/x;USER=a;PASSWORD=pw9;IFEXISTS=TRUE')).toEqual(['pw9']);
    expect(urlSecrets('jdbc:sqlite:/tmp/a:b@c.db')).toEqual([]);
  });

  it('a config registers its passwords, and no FerryError message or detail repeats them', () => {
    validateConfig({ databases: { m: { url: 'jdbc:mariadb://root:Kx81Pwzz@127.0.0.1:3306/test' }, p: { url: 'jdbc:postgresql://h/db', password: 'Other-Pw-77' } } }, '/tmp');
    const e = new FerryError('CONNECTION_FAILED', 'cannot connect: Incorrect port value : Kx81Pwzz@127.0.0.1', { detail: ['login Other-Pw-77 refused'], nested: { s: 'Kx81Pwzz' } });
    expect(e.message).toBe('cannot connect: Incorrect port value : ***@127.0.0.1');
    expect(JSON.stringify(e.toJSON())).not.toMatch(/Kx81Pwzz|Other-Pw-77/);
  });

  it('short secrets are masked only where they stand alone', () => {
    registerSecrets(['z9']);
    expect(scrubSecrets('user z9, z9x stays')).toBe('user ***, z9x stays');
  });
});
