/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform Taro is building for; replaced at build time. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Absolute https origin of the gateway for the weapp build (from .env.<mode>). */
    TARO_APP_API_BASE?: string;
    /** Mini-program appid per mode; overrides project.config.json's appid in dist/weapp. */
    TARO_APP_ID?: string;
    /** WeChat subscribe-message templates, "notice:ID,booking:ID,application:ID" (from .env.<mode>). */
    TARO_APP_SUBSCRIBE_TEMPLATES?: string;
  }
}
