import { describe, expect, test } from 'vitest';
import { workflowCommand } from '../../src/lib/github-actions.ts';

// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands and the
// runner's escaping (actions/toolkit, packages/core/src/command.ts).
describe('workflowCommand', () => {
  test('writes ::name key=value,key=value::message', () => {
    expect(workflowCommand('error', { file: 'content/a.md', line: 3, col: 7 }, 'No headline.')).toBe(
      '::error file=content/a.md,line=3,col=7::No headline.',
    );
  });

  test('without properties it is ::name::message', () => {
    expect(workflowCommand('warning', {}, 'Careful.')).toBe('::warning::Careful.');
  });

  test.each([
    { message: '100% sure', escaped: '100%25 sure' },
    { message: 'two\nlines', escaped: 'two%0Alines' },
    { message: 'a\r\nb', escaped: 'a%0D%0Ab' },
    { message: 'already %0A escaped', escaped: 'already %250A escaped' },
    { message: 'colons: and, commas stay', escaped: 'colons: and, commas stay' },
    { message: '::error::injected', escaped: '::error::injected' },
  ])('escapes the message $message as $escaped', ({ message, escaped }) => {
    expect(workflowCommand('notice', {}, message)).toBe(`::notice::${escaped}`);
  });

  test.each([
    { value: 'a,b', escaped: 'a%2Cb' },
    { value: 'c:/x', escaped: 'c%3A/x' },
    { value: '50%', escaped: '50%25' },
    { value: 'x\ny\rz', escaped: 'x%0Ay%0Dz' },
    { value: 'title=1,line=9::boom', escaped: 'title=1%2Cline=9%3A%3Aboom' },
  ])(
    'escapes the property value $value as $escaped, so it cannot end the property or the command',
    ({ value, escaped }) => {
      expect(workflowCommand('error', { file: value }, 'm')).toBe(`::error file=${escaped}::m`);
    },
  );

  test('an empty message keeps the command well formed', () => {
    expect(workflowCommand('error', { file: 'a.md' }, '')).toBe('::error file=a.md::');
  });
});
