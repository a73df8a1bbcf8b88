// A chunk of its own (theme.ts imports it when the system's colour scheme is dark).
export { webDarkTheme } from '@fluentui/react-components';
