/**
 * Every command the bot has, each declared once in this folder with `defineCommand`: the quote commands in the order
 * `/help` lists them, then the FAQ, corpus editing, and "Find sources" on a message.
 */
import type { Command } from '../src/commands/declare.ts';
import who from './who.ts';
import when from './when.ts';
import terms from './terms.ts';
import search from './search.ts';
import timeline from './timeline.ts';
import source from './source.ts';
import help from './help.ts';
import faq from './faq.ts';
import faqAdmin from './faq-admin.ts';
import sourceAdmin from './source-admin.ts';
import findSources from './find-sources.ts';

export const COMMANDS: readonly Command[] = [who, when, terms, search, timeline, source, help, faq, faqAdmin, sourceAdmin, findSources];
