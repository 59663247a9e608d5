import type { PropsWithChildren } from 'react';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import '@nutui/icons-react-taro/dist/style_icon.css';
import './styles/nutui';
import './app.scss';

// NutUI icons render as <i>, which Taro's weapp templates do not know (wcc: "Template tmpl_0_i not
// found"), so the icons would vanish in WeChat; <view> exists on every platform Taro targets.
if (process.env.TARO_ENV !== 'h5') configureIcons({ tag: 'view' });

/** App shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
