/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which a step prints to stdout
 * to annotate lines of a pull request.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */

// The runner's own escaping (actions/toolkit, packages/core/src/command.ts): `%` first, so that text
// which looks like an escape (`%0A`) is shown as written; a raw newline would end the command early.
const escapeData = (text: string): string =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

// In a property `:` would end the properties and `,` start the next one.
const escapeProperty = (text: string): string =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** One workflow command line: `::command key=value,…::message`, with GitHub's escaping. */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
