import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, type Lang, openApp, screenshot } from './helpers';
import { expectNoEnglish, expectNothingCutOff, tr } from './screens';

/** Every screen: a screenshot, axe (no serious/critical), nothing cut off, and in German no English left. */
async function checkScreen(page: Page, lang: Lang, name: string) {
  await page.waitForTimeout(150); // let transitions settle before the picture
  await screenshot(page, lang, name);
  await expectAccessible(page, `${lang}/${name}`);
  await expectNothingCutOff(page, `${lang}/${name}`);
  if (lang === 'de') await expectNoEnglish(page, name);
}

for (const lang of ['en', 'de'] as const) {
  test(`every screen in ${lang === 'en' ? 'English' : 'German'}: accessible, complete, nothing cut off`, async ({
    page,
  }) => {
    const t = (key: string) => tr(lang, key);
    const heading = (key: string) => page.getByRole('heading', { level: 2, name: t(key), exact: true });
    const next = page.getByTestId('wizard-next');

    await openApp(page, 'inventory', lang);
    await expect(page.getByTestId('drive-row').first()).toBeVisible();
    await checkScreen(page, lang, 'inventory');

    await page.getByRole('link', { name: t('app.tabs.create') }).click();
    await expect(heading('wizard.steps.subsystem')).toBeVisible();
    await checkScreen(page, lang, 'wizard-1-subsystem');
    await page.getByRole('radio', { name: /^Fast Array/ }).check();
    await next.click();

    await expect(heading('wizard.steps.type')).toBeVisible();
    await page
      .getByRole('radio', { name: new RegExp(`^${t('lunType.stripe').replace(/[()]/g, '\\$&')}`) })
      .check();
    await checkScreen(page, lang, 'wizard-2-type');
    await next.click();

    await expect(heading('wizard.steps.drives')).toBeVisible();
    await page.getByRole('radio', { name: new RegExp(`^${t('wizard.drives.manual')}`) }).check();
    await page.getByRole('checkbox', { name: /^Bay 00 ·/ }).check();
    await expect(page.getByTestId('drive-errors')).toBeVisible(); // one drive is too few for a stripe
    await checkScreen(page, lang, 'wizard-3-drives');
    await page.getByRole('checkbox', { name: /Bay 01 ·/ }).check();
    await next.click();

    await expect(heading('wizard.steps.size')).toBeVisible();
    await page.getByTestId('size-input').fill('100000');
    await expect(page.getByTestId('size-input')).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, lang, 'wizard-4-size');
    await page.getByTestId('size-input').fill('1');
    await next.click();

    await expect(heading('wizard.steps.options')).toBeVisible();
    await checkScreen(page, lang, 'wizard-5-options');
    await next.click();

    await expect(heading('wizard.steps.access')).toBeVisible();
    await page.getByRole('radio', { name: t('wizard.access.list') }).check();
    await page.getByTestId('initiators').fill('iqn.1991-05.com.microsoft:host1\nnot-an-initiator');
    await checkScreen(page, lang, 'wizard-6-access');
    await page.getByTestId('initiators').fill('iqn.1991-05.com.microsoft:host1');
    await next.click();

    await expect(heading('wizard.steps.count')).toBeVisible();
    await page.getByTestId('count-input').fill('2');
    await checkScreen(page, lang, 'wizard-7-count');
    await next.click();

    await expect(heading('wizard.steps.summary')).toBeVisible();
    await checkScreen(page, lang, 'wizard-8-summary');
    await page.getByTestId('wizard-create').click();
    await expect(page.getByTestId('run-result')).toHaveCount(2);
    await checkScreen(page, lang, 'wizard-9-result');

    // A creation the array fails (failAt 30 %): its error box is in the UI language too.
    await page.getByTestId('create-another').click();
    await expect(heading('wizard.steps.type')).toBeVisible(); // it keeps the subsystem: go back to change it
    await page.getByTestId('wizard-back').click();
    await expect(heading('wizard.steps.subsystem')).toBeVisible();
    await page.getByRole('radio', { name: /^Faulty Array/ }).check();
    await next.click();
    await expect(heading('wizard.steps.type')).toBeVisible();
    await page.getByRole('radio', { name: new RegExp(`^${t('lunType.simple')}`) }).check();
    await next.click();
    await expect(heading('wizard.steps.drives')).toBeVisible();
    await page.getByRole('radio', { name: new RegExp(`^${t('wizard.drives.auto')}`) }).check();
    await next.click();
    await expect(heading('wizard.steps.size')).toBeVisible();
    await page.getByTestId('size-unit').selectOption('GiB');
    await page.getByTestId('size-input').fill('1');
    for (const step of ['options', 'access', 'count', 'summary']) {
      await next.click();
      await expect(heading(`wizard.steps.${step}`)).toBeVisible();
      // "Create another" kept the initiator list; this array cannot mask.
      if (step === 'access') await page.getByRole('radio', { name: t('wizard.access.none') }).check();
      if (step === 'count') await page.getByTestId('count-input').fill('1');
    }
    await page.getByTestId('wizard-create').click();
    await expect(page.getByTestId('run-operation')).toHaveAttribute('data-state', 'failed');
    await expect(page.getByTestId('error-code')).toHaveText('VDS_E_IO_ERROR');
    await expect(page.getByTestId('error-message')).toHaveText(tr(lang, 'errorCodes.VDS_E_IO_ERROR.message'));
    await checkScreen(page, lang, 'wizard-10-failed');

    await page.getByRole('link', { name: t('app.tabs.monitor') }).click();
    await expect(page.getByTestId('operation-row').first()).toBeVisible();
    await expect(page.locator('[data-testid="operation-row"][data-state="failed"]').first()).toBeVisible();
    await checkScreen(page, lang, 'monitor');
  });
}
