/** The languages of `react-credit-grants/messages/<language>`. */
export declare const MESSAGE_LANGUAGES: string[];
