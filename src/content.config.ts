import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { LANGS } from './i18n/locales';

/** Every page of the guide, in both languages: `content/<lang>/<key>.mdx`. */
const pages = defineCollection({
  loader: glob({ pattern: `{${LANGS.join(',')}}/*.mdx`, base: './content' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** Position in the sidebar and in previous/next links. */
    order: z.number().int().positive(),
    /** Language-independent page key: the file name, the same in every language. */
    key: z.string().regex(/^[a-z0-9-]+$/),
  }),
});

export const collections = { pages };
