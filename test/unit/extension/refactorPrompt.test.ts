import * as assert from 'node:assert/strict';
import {
  buildRefactorPrompt,
  fenceFor,
  type RefactorPromptInput,
} from '../../../src/extension/refactor/refactorPrompt';
import { firstFence, isRefactorPrompt } from '../../simulator/answers';

const input: RefactorPromptInput = {
  instruction: '  Simplify control flow ',
  languageId: 'typescript',
  path: 'src/math.ts',
  startLine: 3,
  endLine: 5,
  selection: 'function add(a, b) {\n  return a + b;\n}',
  before: 'import x from "y";\n\n',
  after: '\n\nexport { add };',
};

describe('refactor prompt', () => {
  it('names the file, language and lines, and carries the instruction', () => {
    const prompt = buildRefactorPrompt(input);
    assert.match(prompt, /`src\/math\.ts` \(typescript, lines 3–5\)/);
    assert.match(prompt, /<instruction>\nSimplify control flow\n<\/instruction>/);
    assert.match(prompt, /exactly one fenced code block/);
  });

  it('fences the selection first, so it is the block a reader (or the simulator) takes as the code', () => {
    const prompt = buildRefactorPrompt(input);
    assert.deepEqual(firstFence(prompt), { lang: 'typescript', code: input.selection });
    assert.equal(isRefactorPrompt(prompt, false), true);
  });

  it('marks the surrounding code as context not to be returned, and leaves it unfenced', () => {
    const prompt = buildRefactorPrompt(input);
    assert.match(prompt, /for context only\. Do not repeat it/);
    assert.match(prompt, /<context_before>\nimport x from "y";\n\n\n<\/context_before>/);
    assert.match(prompt, /<context_after>\n\n\nexport \{ add \};\n<\/context_after>/);
    assert.equal(prompt.match(/```/g)?.length, 2);
  });

  it('omits the context section when there is none', () => {
    const prompt = buildRefactorPrompt({ ...input, before: '', after: '  \n', startLine: 1, endLine: 1 });
    assert.doesNotMatch(prompt, /<context_|for context only/);
    assert.match(prompt, /line 1\)/);
  });

  it('uses a fence longer than any backtick run in the selection', () => {
    assert.equal(fenceFor('no ticks'), '```');
    assert.equal(fenceFor('a ```` b'), '`````');
    const selection = 'const s = "```";';
    assert.deepEqual(firstFence(buildRefactorPrompt({ ...input, selection })), {
      lang: 'typescript',
      code: selection,
    });
  });

  it('drops a useless fence label for plain text', () => {
    assert.match(buildRefactorPrompt({ ...input, languageId: 'plaintext' }), /<selection>\n```\n/);
  });
});
