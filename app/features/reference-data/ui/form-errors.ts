// How the reference-data forms' problems read (app/ui/use-form-errors.ts): each form's fields in
// the order of the form, and where their messages are. Codes and names share the wording of every
// form (referenceData.errors); each page has its own for the rest.
import type { CategoryEditField, CategoryField } from '#app/features/reference-data/categories.server.ts';
import type { ReplyTemplateField } from '#app/features/reference-data/reply-templates.server.ts';
import type { UnitEditField, UnitField } from '#app/features/reference-data/units.server.ts';

const SHARED = 'office-admin:referenceData.errors';

function prefixes(own: string, ownFields: readonly string[]) {
  return (field: string) => `${ownFields.includes(field) ? own : SHARED}.${field}`;
}

const NAMES = ['nameZhHans', 'nameZhHant', 'nameEn'] as const;
const unitPrefix = prefixes('office-admin:units.errors', ['parentId']);
const categoryPrefix = prefixes('office-admin:categories.errors', ['defaultUnitId', 'sortOrder']);

export const UNIT_FORM = { fields: ['code', ...NAMES, 'parentId'] as readonly UnitField[], prefix: unitPrefix };
export const UNIT_EDIT_FORM = {
  fields: [...NAMES, 'parentId'] as readonly UnitEditField[],
  prefix: unitPrefix,
  formPrefix: 'office-admin:units.detail.refused',
};

export const CATEGORY_FORM = {
  fields: ['code', ...NAMES, 'defaultUnitId', 'sortOrder'] as readonly CategoryField[],
  prefix: categoryPrefix,
};
export const CATEGORY_EDIT_FORM = {
  fields: [...NAMES, 'defaultUnitId', 'sortOrder'] as readonly CategoryEditField[],
  prefix: categoryPrefix,
  formPrefix: 'office-admin:categories.detail.refused',
};

export const REPLY_TEMPLATE_FORM = {
  fields: ['kind', 'locale', 'title', 'body'] as readonly ReplyTemplateField[],
  prefix: (field: string) => `office-admin:replyTemplates.errors.${field}`,
};
