/** The id of a form field's input, so an error summary can link straight to it. */
export const fieldId = (name: string) => `field-${name}`;
