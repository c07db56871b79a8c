/** Tags, tag groups and templates (edesk-api.md §2.5, §2.6). */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, resetSandbox, validationBody, type DataBody, type ListBody } from './helpers';

beforeEach(resetSandbox);

interface Tag {
	id: number;
	name: string;
	active: boolean;
	tag_group_id: number;
	color: string | null;
	icon: string | null;
}
interface Template {
	id: number;
	name: string;
	subject: string | null;
	query_type: string[] | null;
	template_type: string[];
	ai_classification: { classification: string; quick_reply: boolean } | null;
	attachments: { id: number; name: string }[];
}

describe('tags', () => {
	it('lists tag definitions including Escalations, VIP and Carrier delay', async () => {
		const { body } = await callJson<ListBody<Tag>>('/tags?itemsPerPage=100');
		expect(body.data.map((t) => t.name)).toEqual(
			expect.arrayContaining(['Escalations', 'VIP', 'Carrier delay']),
		);
		expect(body.data.find((t) => t.name === 'Escalations')).toEqual({
			id: 4410021,
			name: 'Escalations',
			active: true,
			tag_group_id: 644646,
			color: 'F44336',
			icon: 'exclamation',
		});
	});

	it('creates, gets, partially updates and deletes a tag', async () => {
		const created = await callJson<DataBody<Tag>>('/tags', {
			method: 'POST',
			body: { name: 'Gift', tag_group_id: 644647, color: 'E91E63', icon: 'gift' },
		});
		expect(created.body.data).toMatchObject({ name: 'Gift', active: true, color: 'E91E63' });
		const id = created.body.data.id;
		expect((await callJson<DataBody<Tag>>(`/tags/${String(id)}`)).body.data.name).toBe('Gift');
		const updated = await callJson<DataBody<Tag>>(`/tags/${String(id)}`, {
			method: 'PUT',
			body: { active: false },
		});
		expect(updated.body.data).toMatchObject({ name: 'Gift', active: false, color: 'E91E63' });
		expect((await callJson(`/tags/${String(id)}`, { method: 'DELETE' })).body).toEqual({
			ok: true,
			message: 'Tag deleted',
		});
	});

	it('fails with 4003 when re-sending the unchanged name, as live', async () => {
		const { status, body } = await callJson('/tags/4410031', {
			method: 'PUT',
			body: { name: 'VIP', color: 'FFA000' },
		});
		expect(status).toBe(400);
		expect(body).toEqual(validationBody({ name: '4003' }));
	});

	it('validates create: required, unique, related group, enums', async () => {
		const missing = await callJson('/tags', { method: 'POST', body: {} });
		expect(missing.body).toEqual(validationBody({ name: '4001', tag_group_id: '4001' }));
		const bad = await callJson('/tags', {
			method: 'POST',
			body: { name: 'vip', tag_group_id: 1, color: '#F44336', icon: 'rocket', active: 'yes' },
		});
		expect(bad.body).toEqual(
			validationBody({
				name: '4003',
				tag_group_id: '4002',
				color: '4007',
				icon: '4007',
				active: '4009',
			}),
		);
	});

	it('removes a deleted tag from tickets', async () => {
		await callJson('/tags/4410041', { method: 'DELETE' });
		const { body } = await callJson<DataBody<{ tags_ids: number[] }>>('/tickets/701581498');
		expect(body.data.tags_ids).toEqual([4410032]);
	});
});

describe('tag groups', () => {
	it('lists groups', async () => {
		const { body } =
			await callJson<ListBody<{ id: number; name: string; entity_type: string }>>('/tag-groups');
		expect(body.paginator.totalItemsCount).toBe(4);
		expect(body.data[0]).toMatchObject({
			id: 644646,
			name: 'Escalation',
			entity_type: 'Ticket',
			hide: false,
		});
	});
});

const TEMPLATE = {
	name: 'Replacement shipped',
	body_text: '<p>Your replacement is on its way.</p>',
	template_usage: 'Manual',
	template_type: ['Consumer'],
	active: true,
	query_type: ['OrderQuery'],
	ai_classification: [{ classification: 'Replacement', quick_reply: true }],
	attachments: [{ name: 'guide.pdf', url: 'https://files.example.com/guide.pdf' }],
};

describe('templates', () => {
	it('finds the carrier-delay template', async () => {
		const { body } = await callJson<ListBody<Template>>('/templates?itemsPerPage=100');
		const delay = body.data.find((t) => t.name === 'Shipping delay – carrier');
		expect(delay).toMatchObject({
			id: 913301,
			query_type: ['ShippingQuery', 'OrderShippingInquiry'],
		});
	});

	it('creates a template; the request ai_classification array becomes an object', async () => {
		const { status, body } = await callJson<DataBody<Template>>('/templates', {
			method: 'POST',
			body: TEMPLATE,
		});
		expect(status).toBe(200);
		expect(body.data).toMatchObject({
			name: 'Replacement shipped',
			ai_classification: { classification: 'Replacement', quick_reply: true },
		});
		expect(body.data.attachments).toHaveLength(1);
	});

	it('updates with a full replace (optional fields reset, attachments kept)', async () => {
		const created = await callJson<DataBody<Template>>('/templates', {
			method: 'POST',
			body: TEMPLATE,
		});
		const id = created.body.data.id;
		const { body } = await callJson<DataBody<Template>>(`/templates/${String(id)}`, {
			method: 'PUT',
			body: {
				name: 'Replacement sent',
				body_text: 'x',
				template_usage: 'ManualAuto',
				template_type: ['Internal'],
				active: false,
			},
		});
		expect(body.data).toMatchObject({
			id,
			name: 'Replacement sent',
			query_type: null,
			ai_classification: null,
			template_type: ['Internal'],
		});
		expect(body.data.attachments).toHaveLength(1);
	});

	it('requires the create fields on update too', async () => {
		const { status, body } = await callJson('/templates/913301', {
			method: 'PUT',
			body: { name: 'Only name' },
		});
		expect(status).toBe(400);
		expect(body).toEqual(
			validationBody({
				body_text: '4001',
				template_usage: '4001',
				template_type: '4001',
				active: '4001',
			}),
		);
	});

	it('rejects response-only enum values on requests', async () => {
		const { body } = await callJson('/templates', {
			method: 'POST',
			body: {
				...TEMPLATE,
				template_usage: 'Auto',
				template_type: ['ChatConsumer'],
				query_type: ['Refund'],
				order_status: ['Lost'],
			},
		});
		expect(body).toEqual(
			validationBody({
				template_usage: '4007',
				'template_type.0': '4007',
				'query_type.0': '4007',
				'order_status.0': '4007',
			}),
		);
	});

	it('deletes a template', async () => {
		expect((await callJson('/templates/913309', { method: 'DELETE' })).body).toEqual({
			ok: true,
			message: 'Template deleted',
		});
		expect((await callJson('/templates/913309')).status).toBe(404);
	});
});
