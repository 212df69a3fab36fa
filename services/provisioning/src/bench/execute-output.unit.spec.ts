/** `bench execute` output as real v15 prints it (fixtures/frappe-v15) and as Frappe's develop branch does. */
import { executeField, executeString, parseExecuteOutput } from './execute-output.js';
import { printedApiSecrets } from './bench-operations.js';
import { transcript } from './test-support/transcripts.js';

describe('execute output', () => {
  it('reads a string printed by v15 with its JSON quotes, and the same string unquoted (develop)', () => {
    const v15 = transcript('get-api-key').stdout;
    expect(v15.trim()).toBe('"1165a7f1ab0e9ce"');
    expect(executeString(v15)).toBe('1165a7f1ab0e9ce');
    expect(executeString('1165a7f1ab0e9ce\n')).toBe('1165a7f1ab0e9ce');
    expect(executeString(transcript('user-exists-after').stdout)).toBe('ops@example.com');
  });

  it('reads None (nothing printed) as empty', () => {
    expect(transcript('user-exists-before').stdout).toBe('');
    expect(parseExecuteOutput(transcript('user-exists-before').stdout)).toEqual({ kind: 'none' });
    expect(executeString('')).toBe('');
  });

  it('reads a dict printed as JSON (generate_keys), and masks its secret', () => {
    const out = transcript('generate-keys').stdout;
    expect(executeField(out, 'api_secret')).toBe('f70c3fbe28def1d');
    expect(executeField(transcript('generate-keys-again').stdout, 'api_secret')).toBe('cba329fb663ba94');
    expect(printedApiSecrets(out)).toEqual(['f70c3fbe28def1d']);
    expect(executeField('"just a string"', 'api_secret')).toBeUndefined();
  });

  it('takes the last line as the value (a warning before it is not the result)', () => {
    expect(executeString('Warning: something\n"k3y"\n')).toBe('k3y');
  });
});
