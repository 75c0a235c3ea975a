/* lwIP's options for seL4 C++ protection domains: no operating system (NO_SYS=1), the raw and
 * altcp APIs, IPv4 over Ethernet. Each value can be overridden with a compile definition
 * (SEL4_LWIP_DEFINITIONS in CMake). */
#ifndef SEL4_LWIPOPTS_H
#define SEL4_LWIPOPTS_H

#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_SOCKET 0
#define LWIP_NETCONN 0
#define LWIP_TIMERS 1

#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_UDP 1
#define LWIP_TCP 1
#ifndef LWIP_DHCP
#define LWIP_DHCP 0
#endif
#ifndef LWIP_ALTCP
#define LWIP_ALTCP 1
#endif
#ifndef LWIP_ALTCP_TLS
#define LWIP_ALTCP_TLS 0
#endif
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_SINGLE_NETIF 1

/* Memory: lwIP's own heap and pools, in the PD's static data. */
#define MEM_ALIGNMENT 8
#ifndef MEM_SIZE
#define MEM_SIZE (512 * 1024)
#endif
#ifndef MEMP_NUM_PBUF
#define MEMP_NUM_PBUF 64
#endif
#ifndef PBUF_POOL_SIZE
#define PBUF_POOL_SIZE 512
#endif
#define PBUF_POOL_BUFSIZE 1600
#ifndef MEMP_NUM_TCP_PCB
#define MEMP_NUM_TCP_PCB 80
#endif
#ifndef MEMP_NUM_TCP_PCB_LISTEN
#define MEMP_NUM_TCP_PCB_LISTEN 8
#endif
#ifndef MEMP_NUM_TCP_SEG
#define MEMP_NUM_TCP_SEG 512
#endif
#define MEMP_NUM_UDP_PCB 8

#define TCP_MSS 1460
#ifndef TCP_WND
#define TCP_WND (32 * TCP_MSS)
#endif
#ifndef TCP_SND_BUF
#define TCP_SND_BUF (32 * TCP_MSS)
#endif
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#define LWIP_WND_SCALE 1
#define TCP_RCV_SCALE 2
#define TCP_LISTEN_BACKLOG 1

#define LWIP_CHKSUM_ALGORITHM 3
#define LWIP_STATS 0
#define LWIP_DEBUG_TIMERNAMES 0

/* TCP initial sequence numbers and ephemeral ports. */
#ifdef __cplusplus
extern "C" {
#endif
unsigned int sel4_lwip_rand(void);
#ifdef __cplusplus
}
#endif
#define LWIP_RAND() sel4_lwip_rand()

#endif
