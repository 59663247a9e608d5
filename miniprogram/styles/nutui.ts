/**
 * The NutUI components the app uses, styles only. Loaded once by the app so every page and shared
 * component finds its styles, whichever subPackage it sits in.
 */
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/noticebar/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/steps/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/step/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/uploader/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/rate/style/css';
