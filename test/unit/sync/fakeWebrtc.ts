import type { PeerConnectionLike } from '../../../src/sync/peer/peerMesh';
import type { DataChannelLike } from '../../../src/sync/peer/webrtcChannel';

// Stand-ins for RTCPeerConnection and RTCDataChannel (Node has neither): offers and answers name the connection
// that made them, and setting an answer joins the two connections' data channels directly. Enough to drive the
// mesh's offer/answer/ICE exchange through a real signaling server; the browser's WebRTC is the e2e tests' job.

class FakeDataChannel implements DataChannelLike {
  readyState: DataChannelLike['readyState'] = 'connecting';
  readonly bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  binaryType = 'blob';
  peer: FakeDataChannel | undefined;
  onopen: DataChannelLike['onopen'] = null;
  onmessage: DataChannelLike['onmessage'] = null;
  onclose: DataChannelLike['onclose'] = null;
  onbufferedamountlow: DataChannelLike['onbufferedamountlow'] = null;

  send(data: Uint8Array<ArrayBuffer>): void {
    if (this.readyState !== 'open') throw new Error(`send on a ${this.readyState} data channel`);
    const copy = data.slice().buffer;
    setTimeout(() => {
      if (this.peer?.readyState === 'open') this.peer.onmessage?.(new MessageEvent('message', { data: copy }));
    }, 0);
  }

  open(): void {
    this.readyState = 'open';
    this.onopen?.(new Event('open'));
  }

  close(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.onclose?.(new Event('close'));
    this.peer?.close();
  }
}

const registry = new Map<string, FakePeerConnection>();
let count = 0;

export class FakePeerConnection implements PeerConnectionLike {
  readonly id = `fake-pc-${(count += 1)}`;
  localDescription: PeerConnectionLike['localDescription'] = null;
  remoteDescription: PeerConnectionLike['remoteDescription'] = null;
  connectionState: RTCPeerConnectionState = 'new';
  /** ICE candidates received from the other side. */
  readonly candidates: RTCIceCandidateInit[] = [];
  onicecandidate: PeerConnectionLike['onicecandidate'] = null;
  ondatachannel: PeerConnectionLike['ondatachannel'] = null;
  onconnectionstatechange: PeerConnectionLike['onconnectionstatechange'] = null;
  private channel: FakeDataChannel | undefined;

  constructor() {
    registry.set(this.id, this);
  }

  createDataChannel(): DataChannelLike {
    this.channel = new FakeDataChannel();
    return this.channel;
  }

  async createOffer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'offer', sdp: this.id };
  }

  async createAnswer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'answer', sdp: this.id };
  }

  async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.localDescription = { type: description.type as RTCSdpType, sdp: description.sdp ?? '' };
    const candidate = { candidate: `candidate:${this.id} 1 udp 1 127.0.0.1 9 typ host`, sdpMid: '0', sdpMLineIndex: 0 };
    setTimeout(() => this.onicecandidate?.({ candidate: { toJSON: () => candidate } } as RTCPeerConnectionIceEvent), 0);
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.remoteDescription = { type: description.type as RTCSdpType, sdp: description.sdp ?? '' };
    const answerer = registry.get(description.sdp ?? '');
    if (description.type === 'answer' && answerer && this.channel) {
      const channel = this.channel;
      const other = new FakeDataChannel();
      [channel.peer, other.peer] = [other, channel];
      answerer.channel = other;
      answerer.ondatachannel?.({ channel: other } as unknown as RTCDataChannelEvent);
      for (const connection of [this, answerer]) connection.setState('connected');
      channel.open();
      other.open();
    }
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    this.candidates.push(candidate);
  }

  close(): void {
    this.channel?.close();
    this.setState('closed');
    registry.delete(this.id);
  }

  private setState(state: RTCPeerConnectionState): void {
    if (this.connectionState === state) return;
    this.connectionState = state;
    this.onconnectionstatechange?.(new Event('connectionstatechange'));
  }
}
