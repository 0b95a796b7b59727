/**
 * SIP / MANSCDP wire samples published outside this project, kept byte-for-byte where the source gives
 * them (line ends normalised to CRLF, as on the wire). Sources:
 * - [STD] the wire samples of GB/T 28181 as summarised in /work/shared/gb28181.md (REGISTER, Keepalive,
 *   Catalog response with GB2312 prolog).
 * - [DAHUA] a Dahua IPC's first REGISTER ("DH SIP UAS V1.0") and a UAS's REGISTER with Route, from a public
 *   GB28181 notes page found in the code corpus (markdown "sip 通信 / REGISTER 客户端注册").
 * - [PENG] AndroidCoderPeng/GB28181Console sip_command.md (Query DeviceInfo/Catalog/DeviceStatus bodies).
 * - [LUNA] lunasaw/gb28181-proxy entity javadoc (Keepalive and Catalog Notify bodies, UTF-8 prolog).
 * - [RFC2617] RFC 2617 §3.5, the digest example with its published response.
 */
const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export const DAHUA_REGISTER = crlf(`REGISTER sip:34020000002000000001@192.168.1.125:5060 SIP/2.0
Via: SIP/2.0/UDP 192.168.1.107:5060;rport;branch=z9hG4bK1821122895
From: <sip:34020000001320000001@192.168.1.107:5060>;tag=836318699
To: <sip:34020000001320000001@192.168.1.107:5060>
Call-ID: 1280868601@192.168.1.107
CSeq: 1 REGISTER
Contact: <sip:34020000001320000001@192.168.1.107:5060>
Max-Forwards: 70
User-Agent: DH SIP UAS V1.0
Expires: 3600
Content-Length: 0

`);

export const UAS_REGISTER_WITH_ROUTE = crlf(`REGISTER sip:34020000002000000001@192.168.1.125:5060 SIP/2.0
Call-ID: b954e1e87c6d580eaec2c2755aba3e54
Contact: <sip:34020000001180000001@192.168.1.108:5060>
Content-Length: 0
CSeq: 1 REGISTER
Expires: 3600
From: <sip:34020000001180000001@192.168.1.108:5060>;tag=d28d156d2c72dcfb6a49ceb55f9627e8
Max-Forwards: 70
Route: <sip:34020000001180000001@192.168.1.125:5060;lr>
To: <sip:34020000001180000001@192.168.1.108:5060>
User-Agent: SIP UAS V3.0.0.1208500
Via: SIP/2.0/UDP 192.168.1.108:5060;rport;branch=z9hG4bK9ffcac0c7c50cdbc062009c67a39ecfb

`);

export const STD_REGISTER_AUTHORIZED = crlf(`REGISTER sip:51190000002000000001@5119000000 SIP/2.0
Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1371463273
From: <sip:51190200001320000001@5119000000>;tag=2043466181
To: <sip:51190200001320000001@5119000000>
Call-ID: 1011047669
CSeq: 2 REGISTER
Contact: <sip:51190200001320000001@192.168.1.64:5060>
Authorization: Digest username="51190200001320000001", realm="5119000000", nonce="6fe9ba44a76be22a", uri="sip:51190000002000000001@5119000000", response="0123456789abcdef0123456789abcdef", algorithm=MD5
Max-Forwards: 70
Expires: 3600
Content-Length: 0

`);

export const STD_KEEPALIVE_BODY = crlf(`<?xml version="1.0" encoding="GB2312"?>
<Notify>
<CmdType>Keepalive</CmdType>
<SN>43</SN>
<DeviceID>51190200001320000001</DeviceID>
<Status>OK</Status>
</Notify>
`);

export const STD_CATALOG_BODY = crlf(`<?xml version="1.0" encoding="GB2312"?>
<Response>
<CmdType>Catalog</CmdType><SN>17</SN><DeviceID>51190200001180000001</DeviceID>
<SumNum>2</SumNum>
<DeviceList Num="1">
<Item><DeviceID>51190200001310000001</DeviceID><Name>巴州区北门</Name>
<Manufacturer>Hikvision</Manufacturer><Model>IPC</Model><CivilCode>511902</CivilCode>
<Parental>0</Parental><ParentID>51190200001180000001</ParentID><Status>ON</Status>
<Longitude>106.754</Longitude><Latitude>31.858</Latitude></Item>
</DeviceList>
</Response>
`);

export const PENG_QUERY_DEVICE_INFO = `<?xml version="1.0" encoding="GB2312"?>
<Query>
    <CmdType>DeviceInfo</CmdType>
    <SN>734831</SN>
    <DeviceID>11010800001300021220</DeviceID>
</Query>`;

export const PENG_CONTROL_PTZ = `<?xml version="1.0" encoding="GB2312"?>
<Control>
    <CmdType>DeviceControl</CmdType>
    <SN>316229</SN>
    <DeviceID>11010800001300020001</DeviceID>
    <PTZCmd>A50F01081E1E1009</PTZCmd>
    <Info>
        <ControlPriority>5</ControlPriority>
    </Info>
</Control>`;

export const LUNA_CATALOG_NOTIFY = `<?xml version="1.0" encoding="UTF-8"?>
<Notify>
<CmdType>Catalog</CmdType>
<SN>422214</SN>
<DeviceID>device_001</DeviceID>
<SumNum>1</SumNum>
<DeviceList Num="1">
<Item>
<DeviceID>33010602011187000001</DeviceID>
<Name>Channel 1</Name>
<ParentID></ParentID>
<Parental>0</Parental>
<Manufacturer>ABC Inc.</Manufacturer>
</Item>
</DeviceList>
</Notify>`;

/** RFC 2617 §3.5: HTTP digest example; the response below is the RFC's own. */
export const RFC2617_EXAMPLE = {
  method: 'GET',
  password: 'Circle Of Life',
  header:
    'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
} as const;
