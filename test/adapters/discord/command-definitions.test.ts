import { describe, expect, it } from 'vitest';
import { buildCommandDefinitions } from '../../../src/adapters/discord/command-definitions.ts';
import { COMMAND_CATALOG } from '../../../src/core/commands/command-catalog.ts';
import { COMMAND_DESCRIPTORS } from '../../../src/core/commands/command-help.ts';

// Discord's rules for command and option names (lower case where a script has case).
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Definition = ReturnType<typeof buildCommandDefinitions>[number];
type AnyOption = {
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: AnyOption[];
};

function everyNamed(definition: Definition): AnyOption[] {
  const walk = (options: AnyOption[] = []): AnyOption[] =>
    options.flatMap((option) => [option, ...walk(option.options)]);
  return [definition as AnyOption, ...walk(definition.options as AnyOption[] | undefined)];
}

describe('buildCommandDefinitions', () => {
  const definitions = buildCommandDefinitions(COMMAND_DESCRIPTORS);
  const [eujp, manage] = definitions;

  it('offers /eujp to everyone with one autocompleting query option', () => {
    expect(eujp?.name).toBe('eujp');
    expect(eujp?.default_member_permissions).toBeUndefined();
    expect(eujp?.options).toEqual([
      expect.objectContaining({ name: 'query', type: 3, autocomplete: true, required: false }),
    ]);
  });

  it('puts every channel-changing command under /eujp-manage, which needs Manage Channels', () => {
    expect(manage?.name).toBe('eujp-manage');
    expect(manage?.default_member_permissions).toBe('16');
    expect(manage?.contexts).toEqual([0]);
    const subcommands = (manage?.options ?? []).map((option) => option.name);
    const managing = COMMAND_CATALOG.filter((entry) => entry.managesChannel).map((entry) => entry.name);
    expect(subcommands).toEqual(managing);
    expect(subcommands).toEqual(expect.arrayContaining(['subscribe', 'unsubscribe']));
  });

  it('requires the schedule of subscribe and leaves unsubscribe’s number optional', () => {
    const subcommand = (name: string) =>
      (manage?.options ?? []).find((option) => option.name === name) as AnyOption & {
        options?: { required?: boolean }[];
      };
    expect(subcommand('subscribe').options?.[0]).toMatchObject({ name: 'arguments', required: true });
    expect(subcommand('unsubscribe').options?.[0]).toMatchObject({ name: 'arguments', required: false });
  });

  it('describes the arguments in Japanese with Japanese placeholders', () => {
    const argumentsOf = (name: string) =>
      ((manage?.options ?? []).find((option) => option.name === name) as AnyOption).options?.[0];
    expect(argumentsOf('subscribe')?.description_localizations?.ja).toContain('weekly 曜日 HH:MM');
    expect(argumentsOf('unsubscribe')?.description_localizations?.ja).toBe('<番号 | all>');
    expect(argumentsOf('subscribe')?.description).toContain('weekly DAY HH:MM');
  });

  it('stays within Discord’s naming and length rules and carries Japanese for every description', () => {
    for (const definition of definitions) {
      expect(JSON.stringify(definition).length).toBeLessThanOrEqual(8000);
      for (const named of everyNamed(definition)) {
        expect(named.name).toMatch(NAME);
        expect(named.name).toBe(named.name.toLowerCase());
        expect(named.description.length).toBeGreaterThanOrEqual(1);
        expect(named.description.length).toBeLessThanOrEqual(100);
        const ja = named.description_localizations?.ja ?? '';
        expect(ja.length).toBeGreaterThanOrEqual(1);
        expect(ja.length).toBeLessThanOrEqual(100);
        if (named.name_localizations?.ja) expect(named.name_localizations.ja).toMatch(NAME);
      }
      expect((definition.options ?? []).length).toBeLessThanOrEqual(25);
    }
    expect(eujp?.options?.[0]?.name_localizations).toEqual({ ja: '入力' });
  });
});
