// The scripted coding conversation of the cost benchmark: a ~2K-token system prompt, 20 prompts
// (some with file attachments of 1–3K tokens), answers of 300–1,500 tokens asked for with the
// simulator's `[sim:long tokens=N]` directive. Deterministic: same bytes every run.

/** ≈ 4 characters per token, as the simulator counts. */
const CHARS_PER_TOKEN = 4;

const RULES = [
  'Prefer small, reviewable changes and explain the reason for each one.',
  'Keep the project’s layering: the API layer never imports the editor API.',
  'Name things for what they do; avoid abbreviations a newcomer would not know.',
  'When a test fails, read the assertion before changing the code under test.',
  'Show code in fenced blocks with the language named, and only the parts that change.',
  'Say what you are unsure of instead of guessing an API that may not exist.',
  'Never put secrets in settings, logs or error messages.',
  'Respect the formatter’s output; do not reflow code you are not changing.',
];

/** `tokens` worth of numbered guideline text. */
function text(tokens: number, seed: string): string {
  const lines: string[] = [];
  let chars = 0;
  for (let i = 0; chars < tokens * CHARS_PER_TOKEN; i++) {
    const line = `${seed} ${i + 1}. ${RULES[i % RULES.length] ?? ''}`;
    lines.push(line);
    chars += line.length + 1;
  }
  return lines.join('\n');
}

export const SYSTEM_PROMPT = `You are a senior engineer pairing in a code editor.\n${text(2_000, 'Guideline')}`;

/** A TypeScript-looking file of about `tokens` tokens. */
function file(name: string, tokens: number): string {
  const lines: string[] = [];
  let chars = 0;
  for (let i = 0; chars < tokens * CHARS_PER_TOKEN; i++) {
    const line = `export function ${name}Step${i}(input: number): number {\n  return input * ${i + 2} + ${i};\n}`;
    lines.push(line);
    chars += line.length + 1;
  }
  return lines.join('\n');
}

export interface ScriptTurn {
  prompt: string;
  /** Attached file (path, text), sent before the prompt as the extension does. */
  attachment?: { path: string; text: string };
  answerTokens: number;
}

const ASKS = [
  'Explain what this module does and where the risks are.',
  'Refactor the step functions so the multiplier is a parameter.',
  'Write unit tests for the edge cases you found.',
  'Why does the second test fail after your change?',
  'Rename the functions to say what they compute.',
  'Add input validation and say what errors callers see.',
  'Compare this with the previous version: what did we lose?',
  'Split the file into two modules with one job each.',
  'Document the public functions in one sentence each.',
  'Find duplicated logic between the two files.',
];

const ANSWER_TOKENS = [900, 1_200, 1_500, 400, 300, 1_100, 700, 1_400, 500, 800];

export const SCRIPT: ScriptTurn[] = Array.from({ length: 20 }, (_, i) => {
  const turn: ScriptTurn = {
    prompt: `${ASKS[i % ASKS.length] ?? ''} (step ${i + 1}) [sim:long tokens=${ANSWER_TOKENS[i % 10] ?? 500}]`,
    answerTokens: ANSWER_TOKENS[i % 10] ?? 500,
  };
  if (i % 5 === 0)
    turn.attachment = { path: `src/module${i}.ts`, text: file(`module${i}`, 1_000 + 400 * (i / 5)) };
  return turn;
});

/** The user message for a turn: the attachment fenced with its path, then the prompt. */
export function userText(t: ScriptTurn): string {
  if (!t.attachment) return t.prompt;
  return `File ${t.attachment.path}:\n\`\`\`typescript\n${t.attachment.text}\n\`\`\`\n\n${t.prompt}`;
}
