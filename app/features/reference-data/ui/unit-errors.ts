/** Where the unit forms' messages are: the names share the wording of every reference-data form. */
export function unitErrorPrefix(field: string): string {
  return field === 'parentId' ? 'office-admin:units.errors.parentId' : `office-admin:referenceData.errors.${field}`;
}
