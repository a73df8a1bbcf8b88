import { act } from '@testing-library/react';
import type { LunType } from '../../../../electron/contract/model';
import { Wizard } from '../../../../renderer/features/wizard/Wizard';
import type { WizardStep } from '../../../../renderer/store/wizard-model';
import type { FakeApi } from '../helpers/fake-api';
import { TIB } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';

/** Renders the wizard and walks it (through the store) to `step` with a valid 1 GiB LUN of `type`. */
export async function walkTo(
  step: WizardStep,
  type: LunType = 'stripe',
  options: { api?: FakeApi; language?: 'en' | 'de' } = {},
) {
  const r = await renderWithApp(<Wizard onShowMonitor={() => {}} />, options);
  r.api.maxFor = () => TIB;
  await act(async () => {
    const s = () => r.store.getState();
    s().setSubsystem('sub-a');
    s().setType(type);
    await flush();
    s().setSizeUnit('GiB');
    s().setSizeText('1');
    s().goToStep(step);
    await flush();
  });
  return r;
}
