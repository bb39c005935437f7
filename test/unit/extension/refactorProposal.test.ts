import * as assert from 'node:assert/strict';
import { fitProposal, sameCode } from '../../../src/extension/refactor/proposalText';

describe('refactor proposal fitting', () => {
  it('keeps the selection’s trailing newline and the document’s line endings', () => {
    assert.equal(
      fitProposal('a\nb', { original: 'x\r\ny\r\n', eol: '\r\n', startsAtLineStart: true }),
      'a\r\nb\r\n',
    );
    assert.equal(fitProposal('a\nb\n\n', { original: 'x\ny', eol: '\n', startsAtLineStart: true }), 'a\nb');
  });

  it('puts back indentation the model dropped from a nested selection', () => {
    const original = '    if (x) {\n      y();\n    }\n';
    assert.equal(
      fitProposal('if (x) {\n  y();\n\n}', { original, eol: '\n', startsAtLineStart: true }),
      '    if (x) {\n      y();\n\n    }\n',
    );
  });

  it('leaves indentation alone when the model kept it, or the selection started mid-line', () => {
    const original = '  a();\n  b();';
    assert.equal(fitProposal('  c();', { original, eol: '\n', startsAtLineStart: true }), '  c();');
    assert.equal(
      fitProposal('c();\nd();', { original: 'a();\n  b();', eol: '\n', startsAtLineStart: false }),
      'c();\nd();',
    );
  });

  it('compares code regardless of line endings', () => {
    assert.equal(sameCode('a\r\nb', 'a\nb'), true);
    assert.equal(sameCode('a\nb', 'a\nc'), false);
  });
});
