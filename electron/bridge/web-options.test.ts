import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseWebArgs, UsageError } from './web-options.ts';

describe('parseWebArgs', () => {
  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseWebArgs(argv, env, 'linux', '/home/ada');

  it('defaults to a free port, the XDG data dir and no browser', () => {
    expect(parse([])).toEqual({ port: 0, dataDir: '/home/ada/.local/share/infill', open: false });
  });

  it('reads --port, --data-dir and --open in both spellings', () => {
    expect(parse(['--port', '4123', '--data-dir', '/tmp/d', '--open'])).toEqual({ port: 4123, dataDir: '/tmp/d', open: true });
    expect(parse(['--port=0', '--data-dir=/x y'])).toEqual({ port: 0, dataDir: '/x y', open: false });
  });

  it('refuses nonsense', () => {
    expect(() => parse(['--port', 'abc'])).toThrow(UsageError);
    expect(() => parse(['--port', '70000'])).toThrow(UsageError);
    expect(() => parse(['--port'])).toThrow(UsageError);
    expect(() => parse(['--data-dir'])).toThrow(UsageError);
    expect(() => parse(['--verbose'])).toThrow(UsageError);
  });
});

describe('defaultDataDir', () => {
  it('prefers $INFILL_DATA_DIR, then the platform folder', () => {
    expect(defaultDataDir({ INFILL_DATA_DIR: '/data' }, 'linux', '/home/a')).toBe('/data');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/infill');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Infill');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Infill',
    );
  });
});
