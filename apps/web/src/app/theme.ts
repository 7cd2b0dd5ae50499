import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm municipal blue; shade 8 is the primary, dark enough for white text at AA (7:1). */
const civic: MantineColorsTuple = ['#edf3f9', '#dbe6f1', '#b4cbe2', '#8aaed2', '#6894c4', '#5284bb', '#4479b3', '#2f6294', '#255785', '#164a76'];

export const theme = createTheme({
  primaryColor: 'civic',
  primaryShade: 8,
  colors: { civic },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  black: '#1b1f24',
  components: {
    // Links are underlined, so they are told from text without relying on colour.
    Anchor: { defaultProps: { underline: 'always' } },
    // Mantine's dimmed grey is below 4.5:1 on white; descriptions and hints use a darker one.
    InputWrapper: { styles: { description: { color: 'var(--mantine-color-gray-7)' } } },
    // The light alerts' coloured title is below 4.5:1 on their tint: the colour stays in the bar and background.
    // Mantine's dimmed caption grey is below 4.5:1 on white.
    Table: { styles: { caption: { color: 'var(--mantine-color-gray-8)' } } },
    Alert: { styles: { title: { color: 'var(--mantine-color-black)', fontSize: 'var(--mantine-font-size-md)' }, message: { color: 'var(--mantine-color-black)', fontSize: 'var(--mantine-font-size-md)' } } },
  },
});
