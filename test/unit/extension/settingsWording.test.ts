import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_MODELS } from '../../../src/anthropic/models';

interface Property {
  markdownDescription?: string;
  description?: string;
  enum?: string[];
  enumItemLabels?: string[];
  enumDescriptions?: string[];
  examples?: string[];
}

const props = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Property> } };
  }
).contributes.configuration.properties;

describe('settings read in a user’s words', () => {
  for (const [key, p] of Object.entries(props)) {
    it(`${key}: a markdown description that opens with what it is for, in words`, () => {
      assert.equal(p.description, undefined, 'markdownDescription only');
      const lead = /^\*\*([^*]+)\*\*/.exec(p.markdownDescription ?? '')?.[1] ?? '';
      assert.ok(lead.length > 8, `a bold lead phrase: ${p.markdownDescription}`);
      assert.doesNotMatch(lead, /`|_[a-z]|[a-z][A-Z]/, 'no API field or camelCase key in the lead');
      if (p.enum) {
        assert.equal(p.enumItemLabels?.length ?? p.enum.length, p.enum.length);
        if (p.enumDescriptions) assert.equal(p.enumDescriptions.length, p.enum.length);
      }
    });
  }

  it('suggests every model of the built-in table that is not retired, and still takes any id', () => {
    const model = props['thinkfast.model'];
    assert.equal(model.enum, undefined, 'any id is accepted');
    const expected = BUILT_IN_MODELS.filter((m) => m.lifecycle.status !== 'retired').map((m) => m.id);
    assert.deepEqual([...(model.examples ?? [])].sort(), expected.sort());
  });
});
