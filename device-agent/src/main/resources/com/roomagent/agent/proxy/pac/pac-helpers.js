/*
 * The PAC helper functions written in JavaScript (Netscape's "Navigator Proxy Auto-Config File
 * Format", 1996, as Mozilla and Chromium implement it). The functions that need the network or
 * the clock call natives installed by PacScript: dnsResolve, dnsResolveEx, myIpAddress,
 * myIpAddressEx, isInNetEx, sortIpAddressList, alert and __pacTime (the injected clock).
 */
function isPlainHostName(host) {
    return String(host).indexOf('.') < 0;
}

function dnsDomainIs(host, domain) {
    host = String(host).toLowerCase();
    domain = String(domain).toLowerCase();
    return host.length >= domain.length && host.substring(host.length - domain.length) == domain;
}

function localHostOrDomainIs(host, hostdom) {
    host = String(host).toLowerCase();
    hostdom = String(hostdom).toLowerCase();
    return host == hostdom || hostdom.lastIndexOf(host + '.', 0) == 0;
}

function isResolvable(host) {
    return dnsResolve(host) != null;
}

function isResolvableEx(host) {
    return dnsResolveEx(host) != '';
}

function dnsDomainLevels(host) {
    return String(host).split('.').length - 1;
}

var __ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function __ipv4Value(text) {
    var m = __ipv4.exec(text);
    return ((m[1] & 0xff) * 16777216) + ((m[2] & 0xff) << 16 | (m[3] & 0xff) << 8 | (m[4] & 0xff));
}

function isInNet(host, pattern, mask) {
    var address = String(host);
    if (!__ipv4.test(address)) {
        address = dnsResolve(address);
        if (address == null) {
            return false;
        }
    }
    pattern = String(pattern);
    mask = String(mask);
    if (!__ipv4.test(address) || !__ipv4.test(pattern) || !__ipv4.test(mask)) {
        return false;
    }
    var m = __ipv4Value(mask);
    return (((__ipv4Value(address) & m) >>> 0) == ((__ipv4Value(pattern) & m) >>> 0));
}

function shExpMatch(str, shexp) {
    var source = String(shexp).replace(/[.+^${}()|[\]\\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp('^' + source + '$').test(String(str));
}

var __days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
var __months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/* [arguments without a trailing "GMT", whether it was there] */
function __split(args) {
    var list = Array.prototype.slice.call(args);
    var gmt = list.length > 0 && String(list[list.length - 1]).toUpperCase() == 'GMT';
    if (gmt) {
        list.pop();
    }
    return [list, gmt];
}

function weekdayRange() {
    var split = __split(arguments), args = split[0];
    if (args.length < 1 || args.length > 2) {
        return false;
    }
    var today = __pacTime(split[1])[3];
    var first = __days.indexOf(String(args[0]).toUpperCase());
    var last = args.length > 1 ? __days.indexOf(String(args[1]).toUpperCase()) : first;
    if (first < 0 || last < 0) {
        return false;
    }
    return first <= last ? (today >= first && today <= last) : (today >= first || today <= last);
}

/* A token of dateRange: {kind: 'y' | 'm' | 'd', value}, or null. */
function __dateToken(arg) {
    var month = __months.indexOf(String(arg).toUpperCase());
    if (month >= 0) {
        return {kind: 'm', value: month};
    }
    var number = Number(arg);
    if (isNaN(number) || number < 1 || Math.floor(number) != number) {
        return null;
    }
    return number > 31 ? {kind: 'y', value: number} : {kind: 'd', value: number};
}

function __dateKey(kinds, year, month, day) {
    return (kinds.indexOf('y') >= 0 ? year : 0) * 10000
        + (kinds.indexOf('m') >= 0 ? month + 1 : 0) * 100
        + (kinds.indexOf('d') >= 0 ? day : 0);
}

function dateRange() {
    var split = __split(arguments), args = split[0];
    var n = args.length;
    if (n < 1 || n > 6 || (n > 1 && n % 2 != 0)) {
        return false;
    }
    var now = __pacTime(split[1]);
    var tokens = [];
    for (var i = 0; i < n; i++) {
        var token = __dateToken(args[i]);
        if (token == null) {
            return false;
        }
        tokens.push(token);
    }
    if (n == 1) {
        var only = tokens[0];
        return only.value == (only.kind == 'y' ? now[0] : only.kind == 'm' ? now[1] : now[2]);
    }
    var half = n / 2, kinds = [], upperKinds = [];
    var low = {y: 0, m: 0, d: 0}, high = {y: 0, m: 0, d: 0};
    for (var j = 0; j < half; j++) {
        kinds.push(tokens[j].kind);
        low[tokens[j].kind] = tokens[j].value;
        upperKinds.push(tokens[half + j].kind);
        high[tokens[half + j].kind] = tokens[half + j].value;
    }
    if (kinds.join() != upperKinds.join()) {
        return false;
    }
    var lowKey = __dateKey(kinds, low.y, low.m, low.d);
    var highKey = __dateKey(kinds, high.y, high.m, high.d);
    var nowKey = __dateKey(kinds, now[0], now[1], now[2]);
    return lowKey <= highKey ? (nowKey >= lowKey && nowKey <= highKey) : (nowKey >= lowKey || nowKey <= highKey);
}

function timeRange() {
    var split = __split(arguments), args = split[0];
    var now = __pacTime(split[1]);
    var seconds = now[4] * 3600 + now[5] * 60 + now[6];
    for (var i = 0; i < args.length; i++) {
        if (isNaN(Number(args[i]))) {
            return false;
        }
        args[i] = Number(args[i]);
    }
    switch (args.length) {
        case 1:
            return now[4] == args[0];
        case 2:
            return args[0] <= now[4] && now[4] <= args[1];
        case 4:
            return args[0] * 3600 + args[1] * 60 <= seconds && seconds <= args[2] * 3600 + args[3] * 60 + 59;
        case 6:
            return args[0] * 3600 + args[1] * 60 + args[2] <= seconds
                && seconds <= args[3] * 3600 + args[4] * 60 + args[5];
        default:
            return false;
    }
}
