// 回访 with consent only, with and without JavaScript: the citizen agrees on the track page to be
// asked by SMS, the sweep asks once the reply is old enough, and one click answers "not solved";
// for a phone check-in, the clerk who called records the answer and the supervisors find the case
// in "Not solved at check-in".
import { CHECK_IN_DAYS_DEFAULT } from '#app/features/cases/check-in.ts';
import followUp from '#app/i18n/locales/zh-Hans/follow-up.json' with { type: 'json' };
import office from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { acceptAndReply, askCheckIn, consentToCheckIn, receiveLetter } from './case-setup.ts';
import { staffPageAs } from './office-sign-in.ts';
import { BROWSER_LOCALE, STRINGS, choice, expectNoAxeViolations, interpolate, isNoJs, lookUpCase, uniqueToken } from './support.ts';
import { expect, test } from './test.ts';

const s = STRINGS['zh-Hans'];
const f = followUp;
const days = CHECK_IN_DAYS_DEFAULT;

// The default language, as a browser in it asks for it.
test.use({ locale: BROWSER_LOCALE['zh-Hans'] });

test('agree to a check-in by SMS, then answer "not solved" in one click', async ({ page, browser }, testInfo) => {
  const token = `CI${uniqueToken()}`;
  const { receiptNo, accessCode } = await receiveLetter({ subject: `小区垃圾无人清运 ${token}` });
  await acceptAndReply(receiptNo, `已安排环卫每日清运。${token}`);

  await page.goto('/track');
  await lookUpCase(page, s, receiptNo, accessCode);
  await page.waitForURL((url) => url.pathname === '/track/case');
  const checkIn = page.getByTestId('check-in');
  // No follow-up unless the citizen chose one (the letter chose none).
  await expect(checkIn.getByTestId('check-in-consent')).toHaveText(interpolate(f.checkIn.none_other, { count: days }));

  // They agree on the consent page: by SMS, which the phone number they gave allows.
  await checkIn.getByRole('link', { name: f.checkIn.give }).click();
  await expect(page.getByRole('heading', { level: 1, name: f.checkIn.title })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo, 'check-in consent page');
  await choice(page, 'radio', s.submit.fields.checkIn.options.SMS).check();
  await page.getByRole('button', { name: f.checkIn.submit }).click();
  await page.waitForURL((url) => url.pathname === '/track/case');
  await expect(checkIn.getByTestId('check-in-consent')).toHaveText(
    interpolate(f.checkIn.waiting_other, { count: days, channel: f.checkIn.channels.SMS }),
  );
  await expect(page.getByTestId('check-in-question')).toHaveCount(0);

  // The reply is old enough; the sweep asks. The question comes first on the track page.
  await askCheckIn(receiptNo);
  await page.reload();
  const question = page.getByTestId('check-in-question');
  await expect(checkIn.getByRole('heading', { level: 2, name: f.solved.question })).toBeVisible();
  await expect(checkIn.getByRole('link', { name: f.checkIn.change })).toHaveCount(0);
  await expectNoAxeViolations(page, browser, testInfo, 'track page with the check-in question');

  // Some words, and one click on "not solved".
  const words = `垃圾只清运了两天，又没人管了。${token}`;
  await question.getByLabel(f.solved.words, { exact: true }).fill(words);
  await question.getByRole('button', { name: f.solved.answers.NO, exact: true }).click();
  await expect(page.getByTestId('check-in-answer')).toContainText(f.solved.answers.NO);
  expect(new URL(page.url()).pathname).toBe('/track/case');
  await expect(question).toHaveCount(0);
  // The answer may still be changed while the case is open.
  await expect(page.getByTestId('check-in-answer').getByRole('link', { name: f.solved.change })).toBeVisible();
});

test('a clerk records a phone check-in, and the supervisors see it as not solved', async ({ browser }, testInfo) => {
  const js = !isNoJs(testInfo);
  const token = `CP${uniqueToken()}`;
  const { receiptNo } = await receiveLetter({ subject: `噪音扰民 ${token}` });
  const { caseId } = await acceptAndReply(receiptNo, `已责令施工单位夜间停工。${token}`);
  await consentToCheckIn(receiptNo, 'PHONE');
  await askCheckIn(receiptNo);

  // The call is in the clerks' "Check-in calls" view; the case page links to the form for it.
  const { page: clerk } = await staffPageAs(browser, 'zh-Hans', js, 'CLERK');
  await clerk.goto('/office?view=checkInCalls');
  await expect(clerk.getByRole('row').filter({ hasText: receiptNo })).toHaveCount(1);
  await clerk.goto(`/office/cases/${caseId}`);
  await clerk.getByTestId('case-check-in').getByRole('link', { name: office.checkIn.recordCall }).click();
  await expect(clerk).toHaveURL(new RegExp(`/office/cases/${caseId}/check-in$`));
  await expectNoAxeViolations(clerk, browser, testInfo, 'check-in call page');
  await choice(clerk, 'radio', f.solved.answers.PARTLY).check();
  const words = `夜间还是有噪音，周末更严重。${token}`;
  await clerk.getByLabel(f.solved.wordsByClerk, { exact: true }).fill(words);
  await clerk.getByRole('button', { name: office.checkIn.record }).click();
  await expect(clerk.getByRole('status').filter({ hasText: office.checkIn.recorded })).toHaveText(office.checkIn.recorded);
  const panel = clerk.getByTestId('case-check-in');
  await expect(panel.getByTestId('check-in-answer')).toHaveText(f.solved.answers.PARTLY);
  await expect(panel).toContainText(words);
  await clerk.context().close();

  // Partly solved reaches the supervisors' "Not solved at check-in" view.
  const { page: supervisor } = await staffPageAs(browser, 'zh-Hans', js, 'SUPERVISOR');
  await supervisor.goto('/office?view=checkInUnsolved');
  await expect(supervisor.getByRole('row').filter({ hasText: receiptNo })).toHaveCount(1);
  await supervisor.context().close();
});
