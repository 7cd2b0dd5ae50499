import { isPrivateAddress } from './outbound-fetch.js';

describe('addresses an outbound request must not reach', () => {
  it('are loopback, private, link-local, shared and reserved ones, in IPv4, IPv6 and IPv4-mapped IPv6', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-address']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
  });

  it('leave public addresses alone', () => {
    for (const address of ['193.183.0.1', '8.8.8.8', '172.32.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });
});
