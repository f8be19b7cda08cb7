-- Orders service database ("orders"): the tables that the orders-db source reads.
-- Used by orders.daily (orders, order_items) and orders.events (orders, order_events).
CREATE SCHEMA IF NOT EXISTS public;

CREATE TABLE IF NOT EXISTS public.orders (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    customer_id  uuid        NOT NULL,            -- crm.public.customers.id
    status       text        NOT NULL DEFAULT 'PENDING'
                 CHECK (status IN ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    total_cents  bigint      NOT NULL CHECK (total_cents >= 0),
    currency     char(3)     NOT NULL DEFAULT 'USD',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS orders_created_at_idx ON public.orders (created_at);
CREATE INDEX IF NOT EXISTS orders_tenant_id_idx ON public.orders (tenant_id);

CREATE TABLE IF NOT EXISTS public.order_items (
    id                uuid    PRIMARY KEY,
    order_id          uuid    NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
    product_id        text    NOT NULL,           -- catalog id, as in /products/<id> URLs
    quantity          integer NOT NULL CHECK (quantity > 0),
    unit_price_cents  bigint  NOT NULL CHECK (unit_price_cents >= 0)
);
CREATE INDEX IF NOT EXISTS order_items_order_id_idx ON public.order_items (order_id);

-- Lifecycle events written by the orders service; payments ("paid") come from the payments API.
CREATE TABLE IF NOT EXISTS public.order_events (
    id           uuid        PRIMARY KEY,
    order_id     uuid        NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
    event_type   text        NOT NULL CHECK (event_type IN ('created', 'shipped', 'delivered')),
    status       text        NOT NULL,            -- the order's status after the event
    occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS order_events_order_id_idx ON public.order_events (order_id);
CREATE INDEX IF NOT EXISTS order_events_occurred_at_idx ON public.order_events (occurred_at);
