// How the staff forms' problems read (app/ui/use-form-errors.ts): each form's fields in the order
// of the form, and where their messages are.
import { under } from '#app/ui/use-form-errors.ts';
import type { CreateStaffField, UpdateStaffField } from '#app/features/staff/admin.server.ts';

export const STAFF_FORM = {
  fields: ['email', 'name', 'role', 'unitId'] as readonly CreateStaffField[],
  prefix: under('office-admin:staff.create.errors'),
};

export const STAFF_EDIT_FORM = {
  fields: ['role', 'unitId'] as readonly UpdateStaffField[],
  prefix: under('office-admin:staff.detail.errors'),
  formPrefix: 'office-admin:staff.detail.errors.form',
};
